using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MyNumberPortal.Web.Tests;

/// <summary>The JSON API over real HTTP: success for every municipality and procedure, and every class of bad input.</summary>
public sealed class ApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    public static readonly TheoryData<string> Codes = new() { "142123", "132101", "151009", "131091", "131237" };

    [Fact]
    public async Task Lists_the_five_municipalities()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/municipalities");
        var codes = list.EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        Assert.Equal(["131091", "131237", "132101", "142123", "151009"], codes);
        var atsugi = list.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "142123");
        Assert.Equal("厚木市", atsugi.GetProperty("name").GetProperty("ja").GetString());
        Assert.Equal("Atsugi", atsugi.GetProperty("romaji").GetString());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Lists_every_procedure_with_coverage_per_applicant(string code)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/municipalities/{code}/procedures");
        var procedures = list.GetProperty("procedures").EnumerateArray().ToList();
        Assert.Equal(["lost-card", "suspension-release", "abolition", "reissue", "pin-reset"], procedures.Select(p => p.GetProperty("id").GetString()));
        Assert.All(procedures, p => Assert.Equal(4, p.GetProperty("applicants").GetArrayLength()));
    }

    /// <summary>Walks every procedure and applicant through the questions API to the guidance API, answering each question with its first option.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Every_procedure_returns_guidance(string code)
    {
        foreach (var procedure in new[] { "lost-card", "suspension-release", "abolition", "reissue", "pin-reset" })
        {
            foreach (var applicant in new[] { "self", "household-member", "legal-agent", "voluntary-agent" })
            {
                var answers = new Dictionary<string, string>();
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    var url = $"/api/municipalities/{code}/procedures/{procedure}/guidance?applicant={applicant}&date=2026-11-24"
                        + string.Concat(answers.Select(a => $"&{a.Key}={a.Value}"));
                    var response = await client.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var guidance = await response.Content.ReadFromJsonAsync<JsonElement>();
                        Assert.Equal(code, guidance.GetProperty("municipalityCode").GetString());
                        Assert.True(guidance.GetProperty("phones").GetArrayLength() > 0, url);
                        break;
                    }

                    // The only acceptable 400 on this walk is a missing answer: answer it with its first option.
                    Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var field = problem.GetProperty("errors").EnumerateObject().Single().Name;
                    var questions = await client.GetFromJsonAsync<JsonElement>($"/api/municipalities/{code}/procedures/{procedure}/questions?applicant={applicant}");
                    var question = questions.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == field);
                    answers[field] = question.GetProperty("options")[0].GetProperty("value").GetString()!;
                    Assert.True(attempt < 9, $"{url}: too many questions");
                }
            }
        }
    }

    [Fact]
    public async Task Guidance_for_a_lost_card_lists_the_three_call_centres()
    {
        var guidance = await client.GetFromJsonAsync<JsonElement>(
            "/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where=outside");
        var numbers = guidance.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("number").GetString()).ToList();
        Assert.Contains("0120-95-0178", numbers);
        Assert.Contains("0570-783-578", numbers);
        Assert.Contains("0120-0178-27", numbers);
    }

    [Fact]
    public async Task Date_defaults_to_today_in_Japan()
    {
        var guidance = await client.GetFromJsonAsync<JsonElement>("/api/municipalities/131091/procedures/abolition/guidance?applicant=self");
        Assert.Equal("2026-11-24", guidance.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/municipalities/142120/procedures", "code")] // bad check digit
    [InlineData("/api/municipalities/14212/procedures", "code")]
    [InlineData("/api/municipalities/atsugi/procedures", "code")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?date=2026-11-24", "applicant")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?applicant=cousin&date=2026-11-24", "applicant")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?applicant=self&date=2026-13-01", "date")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?applicant=self&date=tomorrow", "date")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?applicant=self&date=2200-01-01", "date")]
    [InlineData("/api/municipalities/142123/procedures/reissue/guidance?applicant=self&date=0001-01-01", "date")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&colour=red", "colour")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where=moon", "lost-where")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where=home&lost-where=outside", "lost-where")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24", "lost-where")]
    [InlineData("/api/municipalities/142123/procedures/reissue/questions", "applicant")]
    [InlineData("/api/municipalities/142123/procedures/reissue/questions?applicant=self&extra=1", "extra")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Over_long_values_are_rejected_with_a_reason()
    {
        var response = await client.GetAsync($"/api/municipalities/142123/procedures/lost-card/guidance?applicant={new string('x', 5000)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where=%E0%A4")] // invalid UTF-8
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where=%00")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&%3Cscript%3E=1")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant[]=self&date=2026-11-24")]
    [InlineData("/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&date=2026-11-24&lost-where")]
    public async Task Hostile_query_strings_get_a_400_with_a_reason(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Theory]
    [InlineData("/api/municipalities/..%2F..%2Fetc/procedures")]
    [InlineData("/api/municipalities/142123/procedures/..%2F..%2Fpasswd/guidance?applicant=self")]
    [InlineData("/api/municipalities/%E3%81%82/procedures")]
    public async Task Path_tricks_never_reach_a_500(string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("/api/municipalities/131113/procedures")] // 大田区: a valid code, not a customer
    [InlineData("/api/municipalities/142123/procedures/renewal/guidance?applicant=self")]
    [InlineData("/api/municipalities/142123/procedures/renewal/questions?applicant=self")]
    public async Task Unknown_municipality_or_procedure_is_a_404_problem(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_four_endpoints()
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/municipalities", paths);
        Assert.Contains("/api/municipalities/{code}/procedures", paths);
        Assert.Contains("/api/municipalities/{code}/procedures/{procedure}/questions", paths);
        Assert.Contains("/api/municipalities/{code}/procedures/{procedure}/guidance", paths);
    }

    [Fact]
    public async Task Home_page_lists_the_municipalities()
    {
        var html = await client.GetStringAsync("/");
        foreach (var name in new[] { "厚木市", "小金井市", "新潟市", "品川区", "江戸川区" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
