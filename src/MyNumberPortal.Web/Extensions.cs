using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using MyNumberPortal.Data;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.SqlServer;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web;

/// <summary>Registers the portal's parts and its request pipeline.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        // A build that is not published (dotnet run in any environment, the tests' hosts and processes) serves the static
        // web assets from where the build manifest says they are: wwwroot and the framework's blazor.web.js. A published
        // app (the image) has them in its wwwroot and no manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddPortalTelemetry();
        var services = builder.Services;
        services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath, SqlServerPortalData.Configure);
        services.AddPortalDataProtection(); // keys in the database: every instance accepts the others' cookies and antiforgery tokens
        services.AddHostedService<SnapshotRefreshService>();
        services.AddSingleton<PortalClock>();
        services.AddSingleton<RuleCatalogAccessor>();
        services.AddProblemDetails();
        services.AddOpenApi();
        // Pages render on the server; staff pages may hold interactive parts (a SignalR circuit, docs/operations.md).
        services.AddRazorComponents().AddInteractiveServerComponents();
        // The portal's own X-Frame-Options (DENY, SecurityHeaders) stands on pages with antiforgery tokens too; residents'
        // pages get no antiforgery cookie (ResidentAntiforgery).
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddResidentAntiforgery();
        // The admin forms' validators (stateless: each validation carries its AdminRuleContext).
        services.AddValidatorsFromAssemblyContaining<Admin.PublishValidator>(ServiceLifetime.Singleton);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Language.Japanese).AddSupportedCultures([.. Language.Supported]).AddSupportedUICultures([.. Language.Supported]);
            // Japanese unless the resident chose English (URL or cookie); the browser's language is not used.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = GuideState.LanguageKey, UIQueryStringKey = GuideState.LanguageKey },
                new CookieRequestCultureProvider { CookieName = Language.CookieName },
            ];
        });
        // Write Japanese as text, not as numeric character references (smaller pages, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: ["ready"], timeout: DatabaseHealthCheck.Timeout);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        // Security (docs/security.md): headers on every response, rate limits, request size limits.
        builder.AddSecurityHeaders();
        builder.AddRateLimits();
        builder.AddRequestLimits();
        // Staff sign-in (docs/staff.md): cookie authentication and the staff policies; residents' pages stay anonymous.
        builder.AddStaffAuthentication();
        // What residents read is rendered once per answer, language, day and rule snapshot (docs/performance.md).
        builder.AddResidentOutputCache();
        return builder;
    }

    /// <summary>Creates or migrates the database, seeds it on first start, and loads the rule snapshot.</summary>
    /// <param name="app">The portal.</param>
    /// <param name="creatingStaff">The <c>create-staff</c> command runs next: no warning that no admin exists, since it is creating one.</param>
    public static async Task InitializePortalDataAsync(this WebApplication app, bool creatingStaff = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        // The first admin from Staff:InitialAdmin, only while no admin exists; a weak password stops the start.
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureInitialAdminAsync(creatingStaff, app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<RuleSnapshotProvider>().RefreshIfChangedAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        HostNames.WarnIfAnyHost(app);
        // First, so that it sees every request's final status code (after the exception handler and status code pages).
        app.UsePortalRequestLogging();
        app.UseHostForHttp10();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        // The security headers are written by middleware that runs ahead of all of this (SecurityHeaders.AddSecurityHeaders).
        app.UseRequestLimits();
        app.UseRateLimits();

        app.UseRequestLocalization();
        // A municipality whose rules in force cannot be used (or any failure on a resident's page) answers 503 with its phone.
        app.UseRuleFaultBoundary();
        // Unknown addresses get the "not found" page (a catch-all page route); other bodiless errors, problem details.
        app.UseStatusCodePages();

        app.UseStaticFiles(); // wwwroot, and the framework's _framework/blazor.web.js
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeRequired();
        app.UseResidentOutputCache();
        app.UseAntiforgery();
        // A page's 4xx without a body (Blazor's answer to a post without a valid antiforgery token) gets a readable page.
        app.UseEmptyErrorPages();
        app.MapOpenApi();
        return app;
    }

    /// <summary>
    /// Pages answer HEAD as well as GET (link checkers, monitors and proxies send it): Blazor maps pages to GET and
    /// POST only, which would make HEAD a 405. The body is rendered and dropped by the server.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AllowHead(this RazorComponentsEndpointConventionBuilder pages)
    {
        pages.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods && methods.HttpMethods.Contains(HttpMethods.Get))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return pages;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
