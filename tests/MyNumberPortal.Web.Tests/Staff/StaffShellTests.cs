using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MyNumberPortal.Rules.Model;
using static MyNumberPortal.Web.Tests.Staff.CounterForm;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// Issue 15 item 5 over HTTP: the staff header on staff pages (who, municipality, sign-out form, check / today / admin),
/// one word for the code (参照コード / reference code), the code field focused, ticks kept across a change of visit.
/// </summary>
public class StaffShellTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Shinagawa = "131091";

    [Theory]
    [InlineData("/staff/131091/check")]
    [InlineData("/staff/131091/today")]
    [InlineData("/staff/131091")]
    public async Task Staff_pages_carry_the_staff_header(string path)
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var page = Parse(await client.GetStringAsync(path));
        var header = page.QuerySelector("nav.staff-header");
        Assert.NotNull(header);
        Assert.Contains($"{StaffFactory.ShinagawaClerk} としてサインインしています", header.TextContent);
        Assert.Contains("品川区", header.QuerySelector(".staff-header-municipality")!.TextContent);
        var links = header.QuerySelectorAll<IHtmlAnchorElement>("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/staff/131091/check", links);
        Assert.Contains("/staff/131091/today", links);
        // A clerk is no admin: no admin link.
        Assert.DoesNotContain(links, l => l!.Contains("/admin", StringComparison.Ordinal));
        var signOut = header.QuerySelector<IHtmlFormElement>("form.staff-header-sign-out")!;
        Assert.Equal("post", signOut.Method, ignoreCase: true);
        Assert.Equal("/staff/sign-out", signOut.GetAttribute("action"));
        Assert.NotNull(signOut.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task An_admin_sees_the_admin_link()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.Admin, StaffFactory.Password);
        var page = Parse(await client.GetStringAsync("/staff/131091/check"));
        Assert.Contains(page.QuerySelectorAll<IHtmlAnchorElement>("nav.staff-header a"), a => a.GetAttribute("href") == "/staff/131091/admin");
    }

    [Fact]
    public async Task The_header_sign_out_form_signs_out()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.SignOutUser, StaffFactory.Password);
        var page = Parse(await client.GetStringAsync("/staff/131091/check"));
        var form = page.QuerySelector<IHtmlFormElement>("form.staff-header-sign-out")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in?signed-out=true", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await client.GetAsync("/staff/131091/check");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task The_code_is_called_reference_code_and_its_field_is_focused()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var html = await client.GetStringAsync("/staff/131091/check");
        Assert.DoesNotContain("整理番号", html, StringComparison.Ordinal);
        var page = Parse(html);
        Assert.Contains("参照コード", page.QuerySelector("label[for=ref]")!.TextContent);
        Assert.True(page.QuerySelector("input#ref")!.HasAttribute("autofocus"));

        var en = Parse(await client.GetStringAsync("/staff/131091/check?lang=en"));
        Assert.Contains("reference code", en.QuerySelector("label[for=ref]")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ticks_survive_a_change_of_visit_and_back()
    {
        // 品川区, PIN reset by a voluntary agent: two visits; documents and first-visit items are kept while switching.
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent);
        var form = CheckForm(Parse(await client.GetStringAsync(url)));
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange([new("item", "pin-holder-card-voluntary"), new("holder", "drivers-licence"), new("holder-b", "1"), new("agent", "my-number-card"),
            new("visit-to", "2"), new("action", "visit")]);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var visit2 = Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(visit2.QuerySelector(".counter-result"));
        Assert.Equal("2", visit2.QuerySelector<IHtmlSelectElement>("#visit-select")!.Value);
        Assert.Equal("2", visit2.QuerySelector<IHtmlInputElement>("input[name='Input.Visit']")!.Value);
        Assert.True(visit2.QuerySelector("input[name=item][value=pin-holder-card-voluntary]")!.HasAttribute("checked"));
        Assert.False(visit2.QuerySelector("input[name=item][value=pin-inquiry-reply-form]")!.HasAttribute("checked"));
        Assert.True(visit2.QuerySelector("input[name=holder][value=drivers-licence]")!.HasAttribute("checked"));
        Assert.True(visit2.QuerySelector("input[name=agent][value=my-number-card]")!.HasAttribute("checked"));
        Assert.Equal("1", visit2.QuerySelector<IHtmlSelectElement>("select[name=holder-b]")!.Value);

        // Tick the reply form and check visit 2: met, and the procedure completes.
        var form2 = CheckForm(visit2);
        var fields2 = form2.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields2.AddRange(form2.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][checked]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        fields2.Add(new("item", "pin-inquiry-reply-form"));
        fields2.Add(new("holder-b", "1"));
        var checkedResponse = await client.PostAsync(url, new FormUrlEncodedContent(fields2));
        var result = Parse(await checkedResponse.Content.ReadAsStringAsync());
        Assert.Equal("met", Outcome(result));
        Assert.Contains("2回目の来庁について確認しました", ResultText(result));
    }
}
