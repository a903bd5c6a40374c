using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>The first admin from Staff:InitialAdmin: created once, weak passwords refused, nothing without configuration.</summary>
public class InitialAdminTests
{
    private sealed class ConfiguredFactory(string environment, IReadOnlyDictionary<string, string> settings) : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private static List<StaffAccount> Accounts(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<PortalDbContext>().StaffAccounts.AsNoTracking()];
    }

    [Fact]
    public async Task The_configured_admin_is_created_once_and_can_sign_in()
    {
        using var factory = new ConfiguredFactory("Testing", new Dictionary<string, string>
        {
            ["Staff:InitialAdmin:UserName"] = "first-admin",
            ["Staff:InitialAdmin:Password"] = "a long enough password",
        });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var admin = Assert.Single(Accounts(factory));
        Assert.Equal(StaffRoles.Admin, admin.Role);
        Assert.True(admin.AllMunicipalities);
        Assert.Null(admin.MunicipalityCode);
        Assert.NotEqual("a long enough password", admin.PasswordHash);

        // A second start (or run) with an admin in place creates nothing.
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(InitialAdminOutcome.AdminExists,
                await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureInitialAdminAsync(default));
        }

        Assert.Single(Accounts(factory));
        var response = await StaffFactory.SignInAsync(client, "first-admin", "a long enough password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/151009")).StatusCode);
    }

    [Fact]
    public void A_configured_admin_of_one_municipality_covers_only_it()
    {
        using var factory = new ConfiguredFactory("Production", new Dictionary<string, string>
        {
            ["Staff:InitialAdmin:UserName"] = "koganei-admin",
            ["Staff:InitialAdmin:Password"] = "a long enough password",
            ["Staff:InitialAdmin:MunicipalityCode"] = "132101",
        });
        factory.CreateClient().Dispose();
        var admin = Assert.Single(Accounts(factory));
        Assert.Equal("132101", admin.MunicipalityCode);
        Assert.False(admin.AllMunicipalities);
    }

    [Fact]
    public void A_weak_password_stops_the_start_and_creates_nothing()
    {
        using var factory = new ConfiguredFactory("Production", new Dictionary<string, string>
        {
            ["Staff:InitialAdmin:UserName"] = "weak-admin",
            ["Staff:InitialAdmin:Password"] = "short-pass1",
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("12", (error as StaffAccountException ?? error.InnerException as StaffAccountException ?? error).ToString());

        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={factory.DatabasePath}").Options;
        using var db = new PortalDbContext(options);
        Assert.Empty(db.StaffAccounts);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Without_configuration_no_account_exists_and_no_default_password_works(string environment)
    {
        using var factory = new ConfiguredFactory(environment, new Dictionary<string, string>());
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Empty(Accounts(factory));
        foreach (var (user, password) in new[] { ("admin", "admin"), ("admin", "password"), ("admin", "admin123456789") })
        {
            var response = await StaffFactory.SignInAsync(client, user, password);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
