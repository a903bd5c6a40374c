using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>The create-staff command (run in process against the test host's database) and the sign-in rate limit.</summary>
public class CreateStaffCommandTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private async Task<(int Code, string Output)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        var code = await CreateStaffCommand.RunAsync(factory.Services, ["create-staff", .. args], new StringReader(stdin), output, default);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Creates_a_clerk_with_the_password_from_standard_input()
    {
        var (code, output) = await RunAsync("a long enough password\n", "--user", "cli-clerk", "--role", "clerk", "--municipality", "151009");
        Assert.Equal(0, code);
        Assert.DoesNotContain("a long enough password", output);
        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().FindAsync("CLI-CLERK", default);
        Assert.NotNull(account);
        Assert.Equal(("Clerk", "151009"), (account.Role, account.MunicipalityCode));

        using var client = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(client, "cli-clerk", "a long enough password")).StatusCode);
    }

    [Theory]
    [InlineData("short\n", 1, "--user", "cli-weak", "--role", "Admin", "--all")]
    [InlineData("a long enough password\n", 1, "--user", "cli-bad", "--role", "Clerk", "--all")]
    [InlineData("a long enough password\n", 2, "--user", "cli-none")]
    [InlineData("a long enough password\n", 2, "--user", "cli-x", "--role", "Clerk", "--bogus")]
    public async Task Refuses_weak_passwords_and_bad_arguments(string stdin, int expected, params string[] args)
    {
        var (code, _) = await RunAsync(stdin, args);
        Assert.Equal(expected, code);
        using var scope = factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().FindAsync(args[1], default));
    }
}

/// <summary>The "sign-in" rate limit is attached to the sign-in form's POST (not to showing it).</summary>
public class SignInRateLimitTests : IClassFixture<SignInRateLimitTests.LimitedFactory>
{
    private readonly LimitedFactory factory;

    public SignInRateLimitTests(LimitedFactory factory) => this.factory = factory;

    public sealed class LimitedFactory : StaffFactory
    {
        protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "3");
    }

    [Fact]
    public async Task The_fourth_post_in_a_window_gets_429_while_the_form_still_shows()
    {
        using var client = factory.CreateStaffClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(client, "nobody", "wrong password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await StaffFactory.SignInAsync(client, "nobody", "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/sign-in")).StatusCode);
    }
}
