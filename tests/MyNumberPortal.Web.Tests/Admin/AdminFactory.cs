using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Tests.Staff;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>The portal with admins of 品川区 (two of them, to edit at once) and 小金井市, besides the staff of <see cref="StaffFactory"/>: the admin console and fact-check tests.</summary>
public sealed class AdminFactory : StaffFactory
{
    public const string ShinagawaAdmin = "shinagawa-admin";
    public const string ShinagawaAdmin2 = "shinagawa-admin-2";
    public const string KoganeiAdmin = "koganei-admin";
    public const string Shinagawa = "131091";

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        CreateShinagawaAdmin(host.Services);
        accounts.CreateAsync(ShinagawaAdmin2, Password, StaffRoles.Admin, Shinagawa, false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(KoganeiAdmin, Password, StaffRoles.Admin, "132101", false, "test", default).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>Creates the 品川区 admin (<see cref="ShinagawaAdmin"/>, <see cref="StaffFactory.Password"/>) in a test server's database (also the browser tests' portal).</summary>
    public static void CreateShinagawaAdmin(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(ShinagawaAdmin, Password, StaffRoles.Admin, Shinagawa, false, "test", default).GetAwaiter().GetResult();
    }

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = CreateStaffClient();
        var response = await SignInAsync(client, user, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fields of the form named <paramref name="formName"/> as a browser would post them (values, checked boxes and radios, selected options).</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlDocument page, string formName)
    {
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (name is null)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        Assert.True(index >= 0, $"no field {name}");
        fields[index] = new(name, value);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>The resident's checklist for a case, reached by answering every question with its first option.</summary>
    public static async Task<string> ChecklistAsync(HttpClient client, string code, string procedure, string applicant) =>
        (await ChecklistWithQueryAsync(client, code, procedure, applicant)).Html;

    /// <summary>The checklist and the query string of its answers.</summary>
    public static async Task<(string Html, string Query)> ChecklistWithQueryAsync(HttpClient client, string code, string procedure, string applicant)
    {
        var url = $"/guide/{code}/{procedure}?applicant={applicant}";
        for (var i = 0; i < 20; i++)
        {
            var html = await client.GetStringAsync(url);
            var page = new HtmlParser().ParseDocument(html);
            var form = page.QuerySelector($"form[action='/guide/{code}/{procedure}']");
            var radio = form?.QuerySelector("input[type=radio]");
            if (form is null || radio is null)
            {
                return (html, url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..]);
            }

            var query = form.QuerySelectorAll("input[type=hidden]").Where(h => h.GetAttribute("name") != "step")
                .Select(h => $"{h.GetAttribute("name")}={Uri.EscapeDataString(h.GetAttribute("value") ?? "")}")
                .Append($"{radio.GetAttribute("name")}={radio.GetAttribute("value")}");
            url = $"/guide/{code}/{procedure}?" + string.Join("&", query);
        }

        throw new InvalidOperationException("The flow did not end.");
    }
}
