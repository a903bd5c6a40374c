using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>The portal with staff accounts: a clerk of each of the five municipalities, an admin covering all, and one account to lock.</summary>
public class StaffFactory : PortalFactory
{
    public const string Password = "correct horse battery";
    public const string ShinagawaClerk = "shinagawa-clerk";
    public const string AtsugiClerk = "atsugi-clerk";
    public const string NiigataClerk = "niigata-clerk";
    public const string EdogawaClerk = "edogawa-clerk";
    public const string KoganeiClerk = "koganei-clerk";
    public const string Admin = "all-admin";
    public const string LockVictim = "lock-victim";
    public const string SignOutUser = "sign-out-clerk";

    /// <summary>The clerk of each municipality, by local-government code.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClerkOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["131091"] = ShinagawaClerk,
        ["131237"] = EdogawaClerk,
        ["132101"] = KoganeiClerk,
        ["142123"] = AtsugiClerk,
        ["151009"] = NiigataClerk,
    };

    protected override void Configure(IWebHostBuilder builder) =>
        // The lockout test posts more than the sign-in rate limit allows; RateLimitTests cover the limit itself.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        accounts.CreateAsync(ShinagawaClerk, Password, StaffRoles.Clerk, "131091", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(AtsugiClerk, Password, StaffRoles.Clerk, "142123", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(NiigataClerk, Password, StaffRoles.Clerk, "151009", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(EdogawaClerk, Password, StaffRoles.Clerk, "131237", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(KoganeiClerk, Password, StaffRoles.Clerk, "132101", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(Admin, Password, StaffRoles.Admin, null, true, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(LockVictim, Password, StaffRoles.Clerk, "131091", false, "test", default).GetAwaiter().GetResult();
        accounts.CreateAsync(SignOutUser, Password, StaffRoles.Clerk, "131091", false, "test", default).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>Creates the 品川区 clerk (<see cref="ShinagawaClerk"/>, <see cref="Password"/>) in another test server's database (the browser tests' portal).</summary>
    public static void CreateShinagawaClerk(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(ShinagawaClerk, Password, StaffRoles.Clerk, "131091", false, "test", default).GetAwaiter().GetResult();
    }

    /// <summary>An HTTPS client (the staff cookie is Secure outside Development) that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateStaffClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>The hidden fields of the form named <paramref name="formName"/> on <paramref name="url"/> (antiforgery token, _handler).</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string url, string formName)
    {
        var html = await client.GetStringAsync(url);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    /// <summary>Fills in and posts the sign-in form as a browser would; returns the response (not followed).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string? returnUrl = null)
    {
        var url = "/staff/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var fields = await FormFieldsAsync(client, url, "sign-in");
        fields["Input.UserName"] = user;
        fields["Input.Password"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
