using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Tests.Shared;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Tests.Admin;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Issue 12 tried as a hostile admin would, through the real forms (sign-in, antiforgery, import, section editor): every
/// file is refused with a message naming its line in the admin's language, nothing is stored, and the portal keeps
/// serving. Then what a published rule set outside the bounds does to residents (a 503 with the phone, for that
/// municipality only), and the 500s and redirects of the issue.
/// </summary>
public sealed class HostileInputTests
{
    private const string Admin = $"/staff/{Shinagawa}/admin";

    public static TheoryData<string, string> HostileImports => new()
    {
        { "deep condition", "1,000" },
        { "aliases 200", "エイリアス" },
        { "aliases 350", "エイリアス" },
        { "huge fee", "2,147,483,647 は範囲外です" },
        { "javascript url", "http:// か https://" },
        { "nul in a name", "制御文字(U+0000)" },
        { "zero-width space in a name", "見えない文字" },
        { "right-to-left override in a name", "U+202E" },
        { "hangul filler in a name", "空白に見える文字、または文字の向きを変える文字(U+3164)" },
        { "braille blank in a name", "U+2800" },
        { "user info in a source url", "ユーザー名やパスワード" },
        { "hexadecimal fee", "「0x10」はここでは数として読めません" },
        { "fee with an underscore", "「1_000」はここでは数として読めません" },
        { "fee written as 1e3", "「1e3」はここでは数として読めません" },
    };

    [Theory]
    [MemberData(nameof(HostileImports))]
    public async Task A_hostile_import_is_refused_with_its_line_and_nothing_is_stored(string kind, string expected)
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var text = Hostile(kind, await admin.GetStringAsync($"{Admin}/export"));
        var before = await CountsAsync(factory);

        // Pasted into the form, and uploaded as a file.
        var form = Fields(await PageAsync(admin, $"{Admin}/import"), "import");
        Set(form, "Text", text);
        var pasted = await PostAsync(admin, $"{Admin}/import", form);
        using var upload = new MultipartFormDataContent();
        foreach (var (key, value) in Fields(await PageAsync(admin, $"{Admin}/import"), "import"))
        {
            upload.Add(new StringContent(value), key);
        }

        upload.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("text/yaml") } }, "File", "hostile.yaml");
        var uploaded = await admin.PostAsync($"{Admin}/import", upload);

        foreach (var response in new[] { pasted, uploaded })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problems = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".admin-problem-list li").Select(li => li.TextContent).ToList();
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal) && p.Contains("行目", StringComparison.Ordinal));
        }

        Assert.Equal(before, await CountsAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/guide/131091/lost-card?applicant=self")).StatusCode);
    }

    [Fact]
    public async Task The_admins_language_is_used_for_the_messages()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        await admin.GetAsync("/language/en?return=/");
        var form = Fields(await PageAsync(admin, $"{Admin}/import"), "import");
        Set(form, "Text", HostileRuleFiles.AliasBomb(200));
        var html = await (await PostAsync(admin, $"{Admin}/import", form)).Content.ReadAsStringAsync();
        Assert.Contains("every alias counted as the copy it stands for", html, StringComparison.Ordinal);
        Assert.Contains("Line ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps", "deep condition", "1,000")]
    [InlineData("questions", "aliases", "エイリアス")]
    [InlineData("questions", "duplicate id", "used twice")]
    public async Task A_hostile_section_is_refused_with_its_line(string section, string kind, string expected)
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var url = $"{Admin}/section/{section}";
        var form = Fields(await PageAsync(admin, url), "section");
        var text = kind switch
        {
            "deep condition" => Value(form, "Text").TrimEnd() + $"\n  - id: hostile-step\n    order: 99\n    title:\n      ja: x\n    when: \"{new string('(', 100_000)}\"\n",
            "aliases" => HostileRuleFiles.SectionAliasBomb(200),
            _ => Value(form, "Text") + Value(form, "Text")["questions:\n".Length..],
        };
        Set(form, "Text", text);
        var response = await PostAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Admin}/export?version=draft")).StatusCode);
    }

    [Fact]
    public async Task A_form_field_with_an_invisible_character_is_refused_beside_the_field()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        const string counter = $"{Admin}/counters/kofu-tokusetsu";
        var form = Fields(await PageAsync(admin, counter), "counter");
        Set(form, "NameJa", "交付\u202E特設会場");
        var response = await PostAsync(admin, counter, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("U+202E", page.QuerySelector("#f-NameJa-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("counters/kofu-tokusetsu", "counter", '\u3164')]
    [InlineData("counters/kofu-tokusetsu", "counter", '\u2800')]
    [InlineData("counters/kofu-tokusetsu", "counter", '\u034F')]
    [InlineData("municipality", "municipality", '\uFFA0')]
    [InlineData("municipality", "municipality", '\u115F')]
    public async Task A_name_with_a_blank_looking_character_is_refused_beside_the_field(string page, string formName, char character)
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var url = $"{Admin}/{page}";
        var form = Fields(await PageAsync(admin, url), formName);
        Set(form, "NameJa", "品川" + character + "区");
        var response = await PostAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains($"U+{(int)character:X4}", html.QuerySelector("#f-NameJa-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Admin}/export?version=draft")).StatusCode);
    }

    [Fact]
    public async Task A_source_address_with_user_info_is_refused_on_the_sources_form()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var url = $"{Admin}/sources";
        var form = Fields(await PageAsync(admin, url), "sources");
        Set(form, "Sources[0].Url", "https://user:pw@evil.example/");
        var response = await PostAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ユーザー名やパスワード", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Admin}/export?version=draft")).StatusCode);
    }

    [Fact]
    public async Task A_yaml_syntax_error_is_shown_in_japanese_with_its_line_and_column_and_nothing_of_the_parsers_english()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var export = await admin.GetStringAsync($"{Admin}/export");
        // Line 3 is indented where no mapping is open: a syntax error there.
        var lines = export.Split('\n').ToList();
        lines.Insert(2, "   broken: [x");
        var form = Fields(await PageAsync(admin, $"{Admin}/import"), "import");
        Set(form, "Text", string.Join('\n', lines));
        var response = await PostAsync(admin, $"{Admin}/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(page.QuerySelectorAll(".admin-problem-list li")).TextContent;
        Assert.Matches("^3行目 [0-9]+文字目", problem);
        Assert.EndsWith("文字目:書式に誤りがあります(インデントや「:」を確認してください)。", problem, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", problem);

        // The section editor, too: its line is the line in the text as typed.
        var section = $"{Admin}/section/questions";
        var sectionForm = Fields(await PageAsync(admin, section), "section");
        Set(sectionForm, "Text", "questions:\n  - id: x\n   title: [\n");
        var refused = await PostAsync(admin, section, sectionForm);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#f-Text-error")!.TextContent;
        Assert.Matches("3行目 [0-9]+文字目", error);
        Assert.Contains("文字目:書式に誤りがあります", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_rule_set_outside_the_bounds_answers_its_residents_with_the_phone_and_leaves_the_others_alone()
    {
        using var factory = new LoggedPortal();
        using var client = factory.CreateClient();
        await PublishUncheckedAsync(factory, "131091", text => HostileRuleFiles.HugeFee(text));

        var page = await client.GetAsync("/guide/131091/reissue?applicant=self");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("品川区の案内は、いま表示できません", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:03-5742-6660\"", html, StringComparison.Ordinal);
        Assert.Equal("300", page.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var api = await client.GetAsync("/api/municipalities/131091/procedures/reissue/guidance?applicant=self&reissue-reason=lost&lost-where=outside");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("03-5742-6660", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/guide/131091")).StatusCode);

        // Every other municipality is served as before, and the start page still finds 品川区.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guide/142123/lost-card?applicant=self")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/municipalities/151009/procedures")).StatusCode);
        var start = await client.GetAsync("/?q=" + Uri.EscapeDataString("品川"));
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("href=\"/guide/131091\"", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Logged for the admins: which version and where, never the rule text.
        var log = string.Join("\n", factory.Log.Lines());
        Assert.Contains(factory.Log.Lines(), l => l.Contains("cannot be used", StringComparison.Ordinal) && l.Contains("131091", StringComparison.Ordinal)
            && l.Contains("fees.reissue-fee.items.card.amount", StringComparison.Ordinal) && l.Contains("\"Level\":\"Error\"", StringComparison.Ordinal));
        Assert.DoesNotContain("2147483647", log, StringComparison.Ordinal);
        Assert.DoesNotContain("再交付手数料", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%09/evil.example/x", "/")]
    [InlineData("/%0D%0ALocation:%20https://evil.example", "/")]
    [InlineData("/%5C/evil.example", "/")]
    [InlineData("/%C3%A9", "/%C3%A9")]
    [InlineData("/%EF%BC%8F%EF%BC%8Fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example")]
    [InlineData("/%E3%80%80/x", "/%E3%80%80/x")]
    [InlineData("/guide/131091?applicant=self", "/guide/131091?applicant=self")]
    public async Task The_language_switch_redirects_to_a_local_path_only(string target, string expected)
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/language/en?return=" + target);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/%E3%80%80/x", "/%E3%80%80/x")]
    [InlineData("/%09/evil.example", "/staff")]
    public async Task The_sign_in_return_address_is_local_and_fits_in_a_header(string returnUrl, string expected)
    {
        using var factory = new Staff.StaffFactory();
        using var client = factory.CreateStaffClient();
        var response = await Staff.StaffFactory.SignInAsync(client, Staff.StaffFactory.ShinagawaClerk, Staff.StaffFactory.Password, Uri.UnescapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal(expected, response.Headers.Location.PathAndQuery);
    }

    [Theory]
    [InlineData("/staff/sign-in?signed-out=x", HttpStatusCode.OK)]
    [InlineData("/staff/sign-in?signed-out=true&signed-out=false", HttpStatusCode.OK)]
    [InlineData("/language/en?return=%C3%A9", HttpStatusCode.Redirect)]
    public async Task What_answered_500_answers_a_page_or_a_redirect(string url, HttpStatusCode expected)
    {
        using var factory = new LoggedPortal();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("signed-out", string.Join("\n", factory.Log.Lines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_with_forms_are_never_framed()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        foreach (var url in new[] { "/staff/sign-in", "/staff/sign-out", $"{Admin}/import", $"{Admin}/counters/kofu-tokusetsu/hours", "/guide/131091/lost-card" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task A_host_not_allowed_is_refused()
    {
        using var factory = new HostsPortal();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/language/en?return=/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language/en?return=/")).StatusCode);
    }

    private static string Hostile(string kind, string export) => kind switch
    {
        "deep condition" => HostileRuleFiles.DeepCondition(export, 100_000),
        "aliases 200" => HostileRuleFiles.AliasBomb(200),
        "aliases 350" => HostileRuleFiles.AliasBomb(350),
        "huge fee" => HostileRuleFiles.HugeFee(export),
        "javascript url" => HostileRuleFiles.WithSourceUrl(export, "javascript:alert(document.cookie)"),
        "nul in a name" => HostileRuleFiles.WithCharacterInName(export, '\0'),
        "zero-width space in a name" => HostileRuleFiles.WithCharacterInName(export, '\u200B'),
        "hangul filler in a name" => HostileRuleFiles.WithCharacterInName(export, '\u3164'),
        "braille blank in a name" => HostileRuleFiles.WithCharacterInName(export, '\u2800'),
        "user info in a source url" => HostileRuleFiles.WithSourceUrl(export, "https://user:pw@evil.example/"),
        "hexadecimal fee" => HostileRuleFiles.WithFeeAmountWritten(export, "0x10"),
        "fee with an underscore" => HostileRuleFiles.WithFeeAmountWritten(export, "1_000"),
        "fee written as 1e3" => HostileRuleFiles.WithFeeAmountWritten(export, "1e3"),
        _ => HostileRuleFiles.WithCharacterInName(export, '\u202E'),
    };

    /// <summary>Writes a published version straight into the store, as an instance from before the bounds could have, and reloads the snapshot.</summary>
    internal static async Task PublishUncheckedAsync(PortalFactory factory, string code, Func<string, string> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var latest = await db.RuleSetVersions.Where(v => v.Scope == code && v.Status == RuleSetStatus.Published).OrderByDescending(v => v.Version).FirstAsync();
        var content = change(latest.Content);
        db.RuleSetVersions.Add(RuleSetVersion.NewPublished(code, latest.Version + 1, content, null, "an older instance", PortalFactory.Now, null));
        await db.SaveChangesAsync();
        var snapshot = factory.Services.GetRequiredService<RuleSnapshotProvider>();
        snapshot.Invalidate();
        await snapshot.RefreshIfChangedAsync(CancellationToken.None);
    }

    private static string Value(List<KeyValuePair<string, string>> fields, string name) => fields.First(f => f.Key == name).Value;

    private static async Task<(int Versions, int Audit)> CountsAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.RuleSetVersions.CountAsync(), await db.AuditEntries.CountAsync(a => a.Scope != "staff"));
    }

    /// <summary>The portal with its log lines captured.</summary>
    private sealed class LoggedPortal : PortalFactory
    {
        public CapturedLog Log { get; } = new();

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton(new PortalLogOutput(Log)));
    }

    /// <summary>The portal answering to <c>localhost</c> only, as Production does until its names are set.</summary>
    private sealed class HostsPortal : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("AllowedHosts", "localhost");
    }
}
