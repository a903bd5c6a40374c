using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>The rule snapshot in force for this request: read from memory, never from the database.</summary>
public sealed class RuleCatalogAccessor(RuleSnapshotProvider provider)
{
    public RuleCatalog Current => provider.Current;
}
