using System.Collections.Concurrent;
using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Tests.Support;

/// <summary>Renders one component to HTML with the framework's HtmlRenderer (no bUnit) in a chosen language, and parses it.</summary>
public static class ComponentRendering
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> Render<TComponent>(string language, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
            return Parser.ParseDocument(html);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}

/// <summary>The shipped seed rule files (copied to the output by the Data project), compiled once per municipality.</summary>
public static class SeedRuleSets
{
    private static readonly Lazy<RuleSetDocument> National = new(() => Read("national.yaml"));
    private static readonly ConcurrentDictionary<string, CompiledRuleSet> Compiled = new();

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Seed", "rules");

    private static RuleSetDocument Read(string file) => RuleSetYaml.Read(File.ReadAllText(Path.Combine(Folder, file)));

    public static CompiledRuleSet For(string code) => Compiled.GetOrAdd(code, c =>
        CompiledRuleSet.Compile(National.Value, Read(Path.GetFileName(Directory.GetFiles(Folder, c + "-*.yaml").Single()))));

    public static Guidance Evaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers)
    {
        var @case = GuideCase.Read(For(code), procedure, applicant, answers.Select(a => KeyValuePair.Create(a.Question, a.Answer)));
        return @case.Complete ? @case.Evaluate(date) : throw new InvalidOperationException($"{code} {procedure} {applicant}: not a complete case");
    }
}
