using System.Net;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// The publish page lists what a draft adds that could mislead residents (issue 16 item 3): a counter that takes every case
/// and has no hours, an item for a visit the case does not have, a text without English. Through the real forms over HTTP.
/// </summary>
public sealed class PublishWarningsTests
{
    private const string Admin = $"/staff/{Shinagawa}/admin";

    [Fact]
    public async Task Risky_additions_are_listed_before_publishing_and_an_ordinary_change_has_none()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);

        // An ordinary change (Tuesday's closing time): nothing to flag.
        var hours = Fields(await PageAsync(admin, $"{Admin}/counters/kofu-tokusetsu/hours"), "hours");
        Set(hours, "Hours[1].Close", "19:30");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/counters/kofu-tokusetsu/hours", hours)).StatusCode);
        Assert.Null((await PageAsync(admin, $"{Admin}/publish")).QuerySelector(".admin-warnings"));

        // A new counter with no cases and no hours.
        var counter = Fields(await PageAsync(admin, $"{Admin}/counters/new"), "counter");
        Set(counter, "Id", "test-annex");
        Set(counter, "NameJa", "テスト分室");
        Set(counter, "NameEn", "Test annex");
        Set(counter, "SourceQuote", "申請の際に古いカードをお持ちください。");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/counters/new", counter)).StatusCode);

        // An item for a third visit of the one-visit reissue, in Japanese only.
        var item = Fields(await PageAsync(admin, $"{Admin}/items/new"), "item");
        Set(item, "Id", "third-visit-thing");
        Set(item, "TextJa", "三回目に持ってくるもの");
        Set(item, "Visit", "3");
        Set(item, "SourceQuote", "申請の際に古いカードをお持ちください。");
        item.Add(new("Procedures", "reissue"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/items/new", item)).StatusCode);

        foreach (var (lang, expected) in new[]
        {
            ("", new[] { "窓口「テスト分室」には、受け付ける手続きの行がありません", "窓口「テスト分室」には受付時間がありません", "「三回目に持ってくるもの」は3回目の来庁で必要", "「三回目に持ってくるもの」の文に英語がありません" }),
            ("?lang=en", new[] { "The counter \"Test annex\" has no rows", "The counter \"Test annex\" has no hours", "is needed at visit 3", "has no English for its text" }),
        })
        {
            var page = await PageAsync(admin, $"{Admin}/publish{lang}");
            var warnings = page.QuerySelectorAll(".admin-warnings li").Select(li => li.TextContent).ToList();
            Assert.Equal(expected.Length, warnings.Count);
            foreach (var text in expected)
            {
                Assert.Contains(warnings, w => w.Contains(text, StringComparison.Ordinal));
            }
        }

        // Warnings do not stop publishing.
        var publish = Fields(await PageAsync(admin, $"{Admin}/publish"), "publish");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/publish", publish)).StatusCode);
    }
}
