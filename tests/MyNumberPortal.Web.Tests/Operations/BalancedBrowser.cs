using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// One browser behind a TLS-terminating load balancer without sticky sessions, for the two-process tests: it has one
/// cookie jar (the browser sees one site, whichever instance answers), and each request goes to the instance the test
/// names, as the balancer would send it, with the headers a balancer adds: <c>X-Forwarded-Proto: https</c> and
/// <c>X-Forwarded-For</c> with this browser's own client address (so that each browser has its own rate-limit
/// partition). Redirects are not followed.
/// </summary>
/// <remarks>
/// The cookies are kept by hand rather than in a <see cref="CookieContainer"/>: the staff cookie is <c>Secure</c>
/// outside Development, and a container would never send it over the plain-HTTP loopback hop between the "balancer"
/// and the instance, which is exactly the hop a real balancer makes.
/// </remarks>
public sealed class BalancedBrowser : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    /// <param name="clientAddress">The browser's address as the balancer reports it (use a TEST-NET address, e.g. <c>203.0.113.1</c>).</param>
    public BalancedBrowser(string clientAddress) => ClientAddress = clientAddress;

    public string ClientAddress { get; }

    /// <summary>The cookies the browser holds, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => cookies;

    public Task<HttpResponseMessage> GetAsync(PortalProcess portal, string path) => SendAsync(portal, HttpMethod.Get, path, null, null);

    /// <summary>GETs a page and parses it; fails with the instance, status and body unless it answers 200.</summary>
    public async Task<IHtmlDocument> PageAsync(PortalProcess portal, string path)
    {
        using var response = await GetAsync(portal, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} on {portal.Name}: {(int)response.StatusCode} {body}");
        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>Posts a form as a browser would (<c>application/x-www-form-urlencoded</c>), optionally leaving out one cookie.</summary>
    public Task<HttpResponseMessage> PostAsync(PortalProcess portal, string path, IEnumerable<KeyValuePair<string, string>> fields, string? withoutCookie = null) =>
        SendAsync(portal, HttpMethod.Post, path, new FormUrlEncodedContent(fields), withoutCookie);

    /// <summary>Puts a cookie in the jar by hand (as someone who copied it from another browser would).</summary>
    public void SetCookie(string name, string value) => cookies[name] = value;

    public void Dispose() => client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(PortalProcess portal, HttpMethod method, string path, HttpContent? content, string? withoutCookie)
    {
        using var request = new HttpRequestMessage(method, new Uri(portal.Address, path.TrimStart('/'))) { Content = content };
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var sent = cookies.Where(c => c.Key != withoutCookie).Select(c => $"{c.Key}={c.Value}").ToList();
        if (sent.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", sent));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var line in setCookies)
            {
                Keep(line);
            }
        }

        return response;
    }

    /// <summary>Takes <c>name=value</c> from a <c>Set-Cookie</c> line; an empty value or an expiry in the past deletes the cookie.</summary>
    private void Keep(string setCookie)
    {
        var pair = setCookie.Split(';', 2)[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }

        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        var expired = setCookie.Split(';').Skip(1)
            .Select(a => a.Trim())
            .Where(a => a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))
            .Any(a => DateTimeOffset.TryParse(a["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var when) && when < DateTimeOffset.UtcNow);
        if (value.Length == 0 || expired)
        {
            cookies.Remove(name);
        }
        else
        {
            cookies[name] = value;
        }
    }
}
