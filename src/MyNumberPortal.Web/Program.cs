using MyNumberPortal.Web;
using MyNumberPortal.Web.Apis;
using MyNumberPortal.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalDataAsync();

app.UsePortal();
app.MapMunicipalitiesApi();
app.MapLanguageApi();
app.MapHealth();
app.MapRazorComponents<App>().AllowHead();

await app.RunAsync();

/// <summary>The web app's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
