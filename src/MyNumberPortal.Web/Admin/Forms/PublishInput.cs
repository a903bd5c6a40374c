using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

public sealed class PublishInput
{
    public string EffectiveFrom { get; set; } = "";
    public string Comment { get; set; } = "";
}
