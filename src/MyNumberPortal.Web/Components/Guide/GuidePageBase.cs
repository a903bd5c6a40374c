using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Components.Guide;

/// <summary>
/// What the guide pages share: reading the municipality, the procedure and the answers from the URL (one
/// <see cref="GuideCase"/>), and its guidance and reference code once every question is answered. Nothing is read from the database.
/// </summary>
public abstract class GuidePageBase : ComponentBase
{
    [Parameter] public string Code { get; set; } = "";
    [Parameter] public string Procedure { get; set; } = "";

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [Inject] protected RuleCatalogAccessor Catalog { get; set; } = default!;
    [Inject] protected PortalClock Clock { get; set; } = default!;

    protected DateOnly Today { get; private set; }
    protected CompiledRuleSet? Rules { get; private set; }
    protected bool ProcedureKnown { get; private set; }
    protected GuideState? State { get; private set; }
    protected Guidance? Guidance { get; private set; }
    protected string? ReferenceCodeText { get; private set; }

    protected override void OnParametersSet()
    {
        Today = Clock.Today;
        Rules = LocalGovernmentCode.IsValid(Code) ? Catalog.Current.Resolve(Code, Today) : null;
        ProcedureKnown = Procedures.IsKnown(Procedure);
        if (Rules is null || !ProcedureKnown)
        {
            return;
        }

        // The case is read and planned once; the checklist and its code both come from that one plan.
        State = GuideState.Read(Rules, Procedure, HttpContext?.Request.Query ?? QueryCollection.Empty);
        if (State.Problem is null && State.Complete)
        {
            Guidance = RulesTelemetry.Evaluate(State.Case, Today);
            ReferenceCodeText = ReferenceCode.Create(State.Case);
        }
    }
}
