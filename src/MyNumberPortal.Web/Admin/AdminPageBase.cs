using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Sources;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// What every admin console page shares: the municipality from the route, its open draft (or, before one is opened, its
/// latest published version) as the document being edited, and the save pipeline: validate the form (FluentValidation),
/// apply it to a copy of the document, validate the whole document, then store it with the concurrency stamp the form
/// was read with. A problem or a missing draft writes nothing and keeps what the admin typed on the page. A conflict (someone
/// else changed the draft since the form was read) writes nothing and shows the page again for the draft as it now is, with
/// what the admin posted beside it to choose from (<see cref="AdminConflict"/>).
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [Parameter] public string Code { get; set; } = "";

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [Inject] protected RuleSetDrafts Drafts { get; set; } = default!;
    [Inject] protected SourceCaptures Captures { get; set; } = default!;
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
        if (Document is not null)
        {
            LoadInput();
        }
    }

    /// <summary>Sets the page's form (and whatever else it shows) from <see cref="Document"/>: on opening, and again after a conflict.</summary>
    protected virtual void LoadInput()
    {
    }

    /// <summary>After a conflict, as many rows of a list as the admin posted (so a row they added has its place beside the draft's).</summary>
    protected void PadRows<T>(List<T> rows, string list)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        var posted = AdminConflict.Of(HttpContext)?.Posted?.Rows(list) ?? 0;
        while (rows.Count < posted)
        {
            rows.Add(new T());
        }
    }

    /// <summary>Whether the posted form comes from a page shown after a conflict (<see cref="AdminConflict"/>).</summary>
    protected bool Resolving => HttpContext?.Request.HasFormContentType == true && HttpContext.Request.Form.ContainsKey(AdminConflict.ResolveField);

    /// <summary>
    /// For an action on the whole draft posted from a page shown after a conflict: true when the admin ticked that it should go
    /// ahead on the draft as it now is; otherwise the page asks again (400) and nothing is done.
    /// </summary>
    protected bool Confirmed()
    {
        if (!Resolving || Form().Checked(AdminConflict.ConfirmField))
        {
            return true;
        }

        AddError(AdminConflict.ConfirmField, AdminConsoleText.ConflictConfirmNeeded);
        AdminConflict.Mark(HttpContext!, null);
        SetStatus(StatusCodes.Status400BadRequest);
        return false;
    }

    /// <summary>Redirects to a page of the console (a local path, see <see cref="LocalRedirect"/>).</summary>
    protected void RedirectTo(string path) => Navigation.NavigateTo(LocalRedirect.Or(path, AdminPath));

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

        foreach (var (name, codePoint) in reader.Misleading)
        {
            AddError(name, AdminRuleContext.Format(AdminConsoleText.ErrorCharacter, codePoint));
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
    /// <param name="fields">Whether the posted form's fields are offered as choices after a conflict (an editor); false for an
    /// action such as a delete, which asks for a tick instead.</param>
    protected async Task SaveAsync(Action<RuleSetDocument> edit, string summary, string returnPath, bool fields = true)
    {
        if (!fields && !Confirmed())
        {
            return;
        }

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

        // Every quote on its page (the draft's own earlier misses, after a new capture, are left for publishing): beside its field.
        var misses = QuoteCheck.Check(edited, await Captures.ForCheckAsync(Code), Document);
        if (misses.Count > 0)
        {
            foreach (var miss in misses)
            {
                AddError(QuoteField(miss.Quote), miss.Message);
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
                await ShowConflictAsync(await Drafts.CurrentConflictAsync(Code), fields);
                return;
            }

            draft = await Drafts.TryCreateDraftAsync(Code, Actor);
            if (draft is null)
            {
                // Another admin opened a draft at this very moment: theirs wins, and this save is refused like any conflict.
                await ShowConflictAsync(await Drafts.CurrentConflictAsync(Code), fields);
                return;
            }

            stamp = draft.ConcurrencyStamp;
        }

        var result = await Drafts.SaveAsync(Code, stamp.Value, edited, National, Actor, summary);
        switch (result.Outcome)
        {
            case DraftOutcome.Done:
            case DraftOutcome.Unchanged:
                RedirectTo($"{returnPath}{(returnPath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}saved={(result.Outcome == DraftOutcome.Done ? 1 : 0)}");
                break;
            case DraftOutcome.Invalid:
                foreach (var problem in result.Problems)
                {
                    AddError("", problem.Message);
                }

                SetStatus(StatusCodes.Status400BadRequest);
                break;
            default:
                await ShowConflictAsync(result, fields);
                break;
        }
    }

    /// <summary>
    /// Shows the page again after a refused write: for the draft as it now is (with the other admin's change, and its new
    /// stamp), or the latest published version when the draft is gone, with the conflict notice. With <paramref name="fields"/>,
    /// each field the admin posted that differs from the draft's is shown beside it to choose from; without, the page's
    /// actions ask for a tick. Posting the stale form again (its old stamp) is refused again.
    /// </summary>
    protected async Task ShowConflictAsync(DraftResult result, bool fields = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        Conflict = result;
        SetStatus(StatusCodes.Status409Conflict);
        Draft = result.Outcome == DraftOutcome.Conflict ? result.Row : null;
        Latest = await Drafts.LatestPublishedAsync(Code);
        var content = Draft?.Content ?? Latest?.Content;
        Document = content is null ? null : RuleSetYaml.Read(content);
        if (HttpContext is not null)
        {
            AdminConflict.Mark(HttpContext, fields && HttpContext.Request.HasFormContentType ? Form() : null);
        }

        if (Document is not null)
        {
            FieldErrors.Clear();
            SummaryErrors.Clear();
            LoadInput();
        }
    }

    /// <summary>The posted quote field (<c>SourceQuote</c>, <c>Hours[2].SourceQuote</c>, …) that holds <paramref name="quote"/>, or "" (the summary).</summary>
    private string QuoteField(string quote)
    {
        if (HttpContext?.Request.HasFormContentType != true)
        {
            return "";
        }

        var wanted = QuoteCheck.Squash(quote);
        return HttpContext.Request.Form
            .Where(f => f.Key.EndsWith("SourceQuote", StringComparison.Ordinal) && QuoteCheck.Squash(f.Value.ToString()) == wanted)
            .Select(f => f.Key).FirstOrDefault() ?? "";
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
