using System.Collections.Concurrent;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Components.Guide;

namespace MyNumberPortal.Web.Tests.Components;

/// <summary>The resident checklist rendered on its own (HtmlRenderer) from guidance evaluated on the shipped seed rules.</summary>
public sealed class ChecklistTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Dump()
    {
        var cases = new (string Name, Guidance G)[]
        {
            ("atsugi-lost", Seeds.Evaluate("142123", Procedures.LostCard, Applicants.Self, Today, ("lost-where", "outside"))),
            ("shinagawa-pin-agent", Seeds.Evaluate("131091", Procedures.PinReset, Applicants.VoluntaryAgent, Today, ("pin-which", "four-digit"))),
            ("niigata-reissue", Seeds.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "outside"), ("noto-earthquake", "no"))),
            ("niigata-reissue-noto", Seeds.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "home"), ("noto-earthquake", "yes"))),
            ("atsugi-reissue", Seeds.Evaluate("142123", Procedures.Reissue, Applicants.Self, Today)),
            ("atsugi-abolition", Seeds.Evaluate("142123", Procedures.Abolition, Applicants.Self, Today)),
            ("shinagawa-reissue", Seeds.Evaluate("131091", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "outside"))),
            ("shinagawa-lost", Seeds.Evaluate("131091", Procedures.LostCard, Applicants.Self, Today, ("lost-where", "outside"))),
            ("koganei-reissue", Seeds.Evaluate("132101", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "home"))),
        };
        foreach (var (name, g) in cases)
        {
            foreach (var lang in new[] { "ja", "en" })
            {
                var html = await Render(g, lang);
                File.WriteAllText($"/tmp/checklist/{name}.{lang}.html", "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=utf-8><title>t</title><meta name=viewport content=\"width=device-width, initial-scale=1\"><link rel=stylesheet href=\"/work/main/src/MyNumberPortal.Web/wwwroot/css/site.css\"><link rel=stylesheet href=\"/work/main/src/MyNumberPortal.Web/wwwroot/css/checklist.css\"><link rel=stylesheet media=print href=\"/work/main/src/MyNumberPortal.Web/wwwroot/css/print.css\"></head><body><main><h1>Test</h1>" + html + "</main></body></html>");
            }
        }
    }

    private static async Task<string> Render(Guidance guidance, string language)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(Checklist.Guidance)] = guidance,
                    [nameof(Checklist.Today)] = Today,
                });
                var output = await renderer.RenderComponentAsync<Checklist>(parameters);
                return output.ToHtmlString();
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    /// <summary>The shipped seed rule files (copied to the output by the Data project), compiled and evaluated.</summary>
    private static class Seeds
    {
        private static readonly Lazy<RuleSetDocument> National = new(() => Read("national.yaml"));
        private static readonly ConcurrentDictionary<string, CompiledRuleSet> Compiled = new();

        private static string Folder => Path.Combine(AppContext.BaseDirectory, "Seed", "rules");

        private static RuleSetDocument Read(string file) => RuleSetYaml.Read(File.ReadAllText(Path.Combine(Folder, file)));

        public static CompiledRuleSet For(string code) => Compiled.GetOrAdd(code, c =>
            CompiledRuleSet.Compile(National.Value, Read(Path.GetFileName(Directory.GetFiles(Folder, c + "-*.yaml").Single()))));

        public static Guidance Evaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers)
        {
            var result = GuidanceEvaluator.Evaluate(For(code), new GuidanceRequest(procedure, applicant,
                answers.ToDictionary(a => a.Question, a => a.Answer, StringComparer.Ordinal), date));
            return result.Guidance ?? throw new InvalidOperationException(
                $"{code} {procedure} {applicant}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
