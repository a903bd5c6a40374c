using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// What every admin console page shares: the municipality from the route, its open draft (or, before one is opened, its
/// latest published version) as the document being edited, and the save pipeline: validate the form (FluentValidation),
/// apply it to a copy of the document, validate the whole document, then store it with the concurrency stamp the form
/// was read with. A conflict, a problem or a missing draft writes nothing and keeps what the admin typed on the page.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [Parameter] public string Code { get; set; } = "";

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [Inject] protected RuleSetDrafts Drafts { get; set; } = default!;
    [Inject] protected RuleCatalogAccessor Catalog { get; set; } = default!;
    [Inject] protected RuleSnapshotProvider Snapshot { get; set; } = default!;
    [Inject] protected PortalClock Clock { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    /// <summary>The open draft, if any.</summary>
    protected RuleSetVersion? Draft { get; private set; }

    /// <summary>The highest-numbered published version.</summary>
    protected RuleSetVersion? Latest { get; private set; }

    /// <summary>The document being edited: the draft's, or the latest published one's until a draft is opened. Null: unknown municipality.</summary>
    protected RuleSetDocument? Document { get; private set; }

    protected RuleSetDocument National => Catalog.Current.National;

    protected string Name => Document?.Municipality is { } m ? Language.Of(m.Name) : Code;

    protected string Actor => HttpContext?.User.Identity?.Name ?? "admin";

    protected string StampValue => Draft?.ConcurrencyStamp.ToString() ?? "";

    protected string AdminPath => $"/staff/{Code}/admin";

    /// <summary>Field name → message, for the messages beside the fields.</summary>
    protected Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>(field id, message) for the error summary, in the order of the form.</summary>
    protected List<(string Field, string Message)> SummaryErrors { get; } = [];

    /// <summary>Set when the save met someone else's change.</summary>
    protected DraftResult? Conflict { get; private set; }

    /// <summary>Whether the page was reached after a save (<c>?saved=1</c>), or a save that changed nothing (<c>?saved=0</c>).</summary>
    protected string? SavedFlag => HttpContext?.Request.Query["saved"].FirstOrDefault();

    protected bool KnownMunicipality => Document is not null;

    protected override async Task OnInitializedAsync()
    {
        if (!LocalGovernmentCode.IsValid(Code))
        {
            return;
        }

        Draft = await Drafts.FindDraftAsync(Code);
        Latest = await Drafts.LatestPublishedAsync(Code);
        var content = Draft?.Content ?? Latest?.Content;
        Document = content is null ? null : RuleSetYaml.Read(content);
    }

    protected FormReader Form() => new(HttpContext!.Request.Form);

    /// <summary>
    /// What the form's validator checks the form against: this draft, the national rules, this municipality, today, and
    /// the ids the other elements of the edited kind use.
    /// </summary>
    protected AdminRuleContext RuleContext(IEnumerable<string>? otherIds = null) => new(Document, National)
    {
        OtherIds = (otherIds ?? []).ToHashSet(StringComparer.Ordinal),
        Scope = Code,
        Today = Clock.Today,
    };

    /// <summary>
    /// Runs the registered validator of <typeparamref name="T"/> (FluentValidation, from the services) on <paramref name="input"/>
    /// with <paramref name="context"/> (default: <see cref="RuleContext"/>); returns whether it passed (failures go to the page).
    /// </summary>
    protected bool Validate<T>(T input, FormReader reader, AdminRuleContext? context = null)
    {
        var result = Services.GetRequiredService<IValidator<T>>().Validate((context ?? RuleContext()).For(input));
        foreach (var name in reader.TooLong)
        {
            AddError(name, AdminRuleContext.Format(AdminConsoleText.ErrorTooLong, FormReader.MaxLength));
        }

        foreach (var failure in result.Errors)
        {
            AddError(FieldName(failure), failure.ErrorMessage);
        }

        if (SummaryErrors.Count > 0)
        {
            SetStatus(StatusCodes.Status400BadRequest);
            return false;
        }

        return true;
    }

    protected void AddError(string field, string message)
    {
        FieldErrors.TryAdd(field, message);
        SummaryErrors.Add((AdminFields.Id(field), message));
    }

    protected string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>
    /// Applies <paramref name="edit"/> to a copy of the document and stores it as the draft (opening one if none is open and
    /// the form was read without one). On success redirects to <paramref name="returnPath"/> with <c>?saved=1</c>.
    /// </summary>
    protected async Task SaveAsync(Action<RuleSetDocument> edit, string summary, string returnPath)
    {
        if (Document is null || HttpContext is null)
        {
            SetStatus(StatusCodes.Status404NotFound);
            return;
        }

        var posted = Form().Text(AdminFields.Stamp);
        Guid? stamp = Guid.TryParse(posted, out var parsed) ? parsed : null;
        if (posted.Length > 0 && stamp is null)
        {
            SetStatus(StatusCodes.Status400BadRequest);
            AddError(AdminFields.Stamp, AdminConsoleText.ErrorStamp);
            return;
        }

        var edited = RuleSetYaml.Clone(Document);
        edit(edited);
        var problems = RuleFileCheck.Compile(edited, National);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                AddError("", problem);
            }

            SetStatus(StatusCodes.Status400BadRequest);
            return;
        }

        RuleSetVersion? draft = Draft;
        if (stamp is null)
        {
            if (draft is not null)
            {
                // The form was read before anyone opened a draft, and someone has since: theirs must not be overwritten.
                await ShowConflictAsync(await Drafts.CurrentConflictAsync(Code));
                return;
            }

            draft = await Drafts.TryCreateDraftAsync(Code, Actor);
            if (draft is null)
            {
                // Another admin opened a draft at this very moment: theirs wins, and this save is refused like any conflict.
                await ShowConflictAsync(await Drafts.CurrentConflictAsync(Code));
                return;
            }

            stamp = draft.ConcurrencyStamp;
        }

        var result = await Drafts.SaveAsync(Code, stamp.Value, edited, National, Actor, summary);
        switch (result.Outcome)
        {
            case DraftOutcome.Done:
            case DraftOutcome.Unchanged:
                Navigation.NavigateTo($"{returnPath}{(returnPath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}saved={(result.Outcome == DraftOutcome.Done ? 1 : 0)}");
                break;
            case DraftOutcome.Invalid:
                foreach (var problem in result.Problems)
                {
                    AddError("", problem.Message);
                }

                SetStatus(StatusCodes.Status400BadRequest);
                break;
            default:
                await ShowConflictAsync(result);
                break;
        }
    }

    protected Task ShowConflictAsync(DraftResult result)
    {
        Conflict = result;
        SetStatus(StatusCodes.Status409Conflict);
        return Task.CompletedTask;
    }

    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }

    private static string FieldName(ValidationFailure failure)
    {
        var name = failure.PropertyName;
        return name.StartsWith('.') ? name[1..] : name;
    }
}
