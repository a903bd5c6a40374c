using MyNumberPortal.Web;
using MyNumberPortal.Web.Apis;
using MyNumberPortal.Web.Components;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Staff;

var builder = WebApplication.CreateBuilder(StaffAccountCommand.HostArgs(CreateStaffCommand.HostArgs(args)));
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalDataAsync(creatingStaff: CreateStaffCommand.Matches(args));

if (CreateStaffCommand.Matches(args))
{
    // `-- create-staff --user NAME --role Admin|Clerk --municipality CODE [--all]`: create one account and exit (docs/staff.md).
    Environment.ExitCode = await CreateStaffCommand.RunAsync(app.Services, args, Console.In, Console.Out, CancellationToken.None);
    return;
}

if (StaffAccountCommand.Matches(args))
{
    // `-- set-password|disable-staff|enable-staff --user NAME`: change one account, end its sessions, and exit (docs/staff.md).
    Environment.ExitCode = await StaffAccountCommand.RunAsync(app.Services, args, Console.In, Console.Out, CancellationToken.None);
    return;
}

app.UsePortal();
app.MapMunicipalitiesApi();
app.MapLanguageApi();
app.MapAdminApi();
app.MapAdminFactCheckApi();
app.MapAdminAuditApi();
app.MapHealth();
// Interactive staff parts run over a circuit on /_blazor. Blazor's own frame-ancestors policy header is made as strict as
// the portal's, which replaces it with the full policy (SecurityHeaders).
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'")
    .AllowHead().CacheOutput(ResidentOutputCache.PolicyName);

await app.RunAsync();

/// <summary>The web app's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
