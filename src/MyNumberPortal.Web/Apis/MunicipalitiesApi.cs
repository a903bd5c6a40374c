using Microsoft.AspNetCore.Http.HttpResults;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Apis;

/// <summary>The public JSON API: municipalities, their procedures, the questions of a case and its guidance. Documented in docs/api.md.</summary>
public static class MunicipalitiesApi
{
    public static IEndpointRouteBuilder MapMunicipalitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/municipalities").WithTags("Municipalities").CacheOutput(ResidentOutputCache.PolicyName);
        api.MapGet("", ListMunicipalities).WithName("ListMunicipalities")
            .WithSummary("The municipalities the portal covers, with their rule set in force today.");
        api.MapGet("/{code}/procedures", ListProcedures).WithName("ListProcedures")
            .WithSummary("The procedures of a municipality and, for each applicant kind, whether its page covers the case.");
        api.MapGet("/{code}/procedures/{procedure}/questions", ListQuestions).WithName("ListQuestions")
            .WithSummary("The circumstance questions that may be asked for a case, in order, with their conditions and allowed answers.");
        api.MapGet("/{code}/procedures/{procedure}/guidance", GetGuidance).WithName("GetGuidance")
            .WithSummary("The guidance for a case: steps, items, ID rules, fee, visits, counters with next openings, phones, notes, sources.");
        // Unknown API paths answer in JSON, not with the people's "not found" page. The API is read with GET only.
        app.Map("/api/{*path}", (HttpContext context) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Headers.Allow = HttpMethods.Get;
                return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Use GET", detail: "The API is read with GET.");
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown API path",
                detail: "See /openapi/v1.json for the API's paths.");
        }).ExcludeFromDescription();
        return app;
    }

    private static Ok<MunicipalitySummary[]> ListMunicipalities(RuleCatalogAccessor catalog, PortalClock clock)
    {
        var today = clock.Today;
        return TypedResults.Ok(catalog.Current.InForce(today).Select(r => MunicipalitySummary.From(r)).ToArray());
    }

    private static Results<Ok<ProcedureList>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem> ListProcedures(
        string code, RuleCatalogAccessor catalog, PortalClock clock)
    {
        if (Resolve(catalog, code, clock.Today) is not { } found)
        {
            return Problem(code);
        }

        if (found.Rules is not { } rules)
        {
            return found.NotFound!;
        }

        var procedures = Procedures.All.Select(p => new ProcedureEntry(p, Procedures.Names[p],
            Applicants.All.Select(a => new ApplicantEntry(a, Applicants.Names[a], GuidanceEvaluator.UnconditionalCoverageStatus(rules, p, a))).ToArray())).ToArray();
        return TypedResults.Ok(new ProcedureList(MunicipalitySummary.From(rules), procedures));
    }

    private static Results<Ok<QuestionList>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem> ListQuestions(
        string code, string procedure, HttpRequest request, RuleCatalogAccessor catalog, PortalClock clock)
    {
        if (Resolve(catalog, code, clock.Today) is not { } found)
        {
            return Problem(code);
        }

        if (found.Rules is not { } rules)
        {
            return found.NotFound!;
        }

        if (!Procedures.IsKnown(procedure))
        {
            return ProcedureNotFound(procedure);
        }

        var query = QueryReader.Read(request.Query, ["applicant"]);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        if (query.Applicant is not { } applicant || !Applicants.IsKnown(applicant))
        {
            return Invalid("applicant", $"applicant is required: one of {string.Join(", ", Applicants.All)}.");
        }

        var coverage = GuidanceEvaluator.UnconditionalCoverageStatus(rules, procedure, applicant);
        // Where the page does not cover the case at all, only what its steps and counters read is asked (so a lost or
        // stolen card is still suspended first); the guidance sends the resident to the phone.
        var relevant = rules.AskedQuestions(procedure, applicant);
        var questions = rules.Questions.Where(q => q.InScope(procedure, applicant) && relevant.Contains(q.Element.Id))
            .Select(q => new QuestionEntry(q.Element.Id, q.Element.Text, q.Element.Hint, q.Element.When,
                q.Element.Options.Select(o => new OptionEntry(o.Value, o.Label)).ToArray())).ToArray();
        return TypedResults.Ok(new QuestionList(rules.Code, procedure, applicant, coverage, questions));
    }

    private static Results<Ok<Guidance>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem> GetGuidance(
        string code, string procedure, HttpRequest request, RuleCatalogAccessor catalog, PortalClock clock)
    {
        if (!LocalGovernmentCode.IsValid(code))
        {
            return Problem(code);
        }

        var query = QueryReader.Read(request.Query, ["applicant", "date"]);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var date = clock.Today;
        if (query.Date is { } dateText && !PortalDates.TryParseIso(dateText, out date))
        {
            return Invalid("date", $"\"{dateText}\" is not a date: use YYYY-MM-DD.");
        }

        if (!PortalDates.InRange(date))
        {
            return Invalid("date", $"The date must be between {PortalDates.ToIso(PortalDates.Min)} and {PortalDates.ToIso(PortalDates.Max)}.");
        }

        if (Resolve(catalog, code, date) is not { } found)
        {
            return Problem(code);
        }

        if (found.Rules is not { } rules)
        {
            return found.NotFound!;
        }

        if (!Procedures.IsKnown(procedure))
        {
            return ProcedureNotFound(procedure);
        }

        if (query.Applicant is not { } applicant)
        {
            return Invalid("applicant", $"applicant is required: one of {string.Join(", ", Applicants.All)}.");
        }

        var @case = GuideCase.Read(rules, procedure, applicant, query.Answers);
        if (!@case.Complete)
        {
            return TypedResults.ValidationProblem(CaseErrors(@case), title: "The case could not be evaluated.");
        }

        return TypedResults.Ok(RulesTelemetry.Evaluate(@case, date));
    }

    /// <summary>
    /// Why a case cannot be evaluated, per field: every problem that blocks it, or else the question still to answer.
    /// Answers to questions the case does not ask are ignored.
    /// </summary>
    private static Dictionary<string, string[]> CaseErrors(GuideCase @case)
    {
        var errors = @case.Problems.Where(p => p.Blocks).Select(p => (p.Field, Message: p.Kind switch
        {
            CaseProblemKind.UnknownProcedure => $"\"{p.Value}\" is not a procedure. Use one of: {string.Join(", ", Procedures.All)}.",
            CaseProblemKind.UnknownApplicant => $"\"{p.Value}\" is not an applicant kind. Use one of: {string.Join(", ", Applicants.All)}.",
            CaseProblemKind.UnknownQuestion => $"\"{p.Field}\" is not a question of this municipality.",
            _ => $"\"{p.Value}\" is not an answer to \"{p.Field}\". Allowed: {string.Join(", ", @case.Rules.QuestionsById[p.Field].Options.Select(o => o.Value))}.",
        })).ToList();
        if (errors.Count == 0 && @case.NextQuestion is { } missing)
        {
            errors.Add((missing.Id, $"The question \"{missing.Id}\" must be answered for this case."));
        }

        return errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    private sealed record Lookup(CompiledRuleSet? Rules, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>? NotFound);

    /// <summary>Null when the code is malformed (400); a NotFound when well-formed but unknown (404).</summary>
    private static Lookup? Resolve(RuleCatalogAccessor catalog, string code, DateOnly date)
    {
        if (!LocalGovernmentCode.IsValid(code))
        {
            return null;
        }

        return catalog.Current.Resolve(code, date) is { } rules
            ? new Lookup(rules, null)
            : new Lookup(null, TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 404,
                Title = "Unknown municipality",
                Detail = $"No municipality with code {code} uses this portal (on that date). GET /api/municipalities lists them.",
            }));
    }

    private static ValidationProblem Problem(string code) =>
        Invalid("code", $"\"{QueryReader.Shorten(code)}\" is not a 6-digit local government code with a valid check digit (e.g. 142123).");

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> ProcedureNotFound(string procedure) =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 404,
            Title = "Unknown procedure",
            Detail = $"\"{QueryReader.Shorten(procedure)}\" is not a procedure. Use one of: {string.Join(", ", Procedures.All)}.",
        });

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record MunicipalitySummary(string Code, LocalText Name, string Kana, string Romaji, LocalText Prefecture, int RuleSetVersion)
{
    public static MunicipalitySummary From(CompiledRuleSet rules) => new(rules.Code, rules.Municipality.Name, rules.Municipality.Kana,
        rules.Municipality.Romaji, rules.Municipality.Prefecture, rules.Version);
}

public sealed record ApplicantEntry(string Id, LocalText Name, string Coverage);

public sealed record ProcedureEntry(string Id, LocalText Name, ApplicantEntry[] Applicants);

public sealed record ProcedureList(MunicipalitySummary Municipality, ProcedureEntry[] Procedures);

public sealed record OptionEntry(string Value, LocalText Label);

public sealed record QuestionEntry(string Id, LocalText Text, LocalText? Hint, string? When, OptionEntry[] Options);

public sealed record QuestionList(string Code, string Procedure, string Applicant, string Coverage, QuestionEntry[] Questions);
