using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// An interactive staff page keeps one circuit open on a WebSocket, which sends no cookie after it connected: its session is
/// checked again (here every second) against the database, and once it has ended (sign-out, a password change, disabling) the
/// circuit serves nothing more. The same services the circuit resolves, driven without a browser; the Chromium test
/// (Browser.Tests/CircuitSessionBrowserTests) shows the page itself going to the sign-in page.
/// </summary>
public sealed class CircuitSessionTests
{
    [Theory]
    [InlineData("sign-out")]
    [InlineData("disable")]
    [InlineData("password")]
    public async Task An_open_circuit_stops_serving_once_the_session_has_ended(string how)
    {
        using var factory = new RevalidatingFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var account = await accounts.FindAsync(StaffFactory.KoganeiClerk, CancellationToken.None) ?? throw new InvalidOperationException("no clerk");
        var authentication = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        authentication.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                ended.TrySetResult(true);
            }
        };
        // What the circuit factory does with the user of the WebSocket's request.
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(StaffAuthentication.Principal(account, PortalFactory.Now))));
        var guard = scope.ServiceProvider.GetServices<CircuitHandler>().OfType<StaffCircuitGuard>().Single();
        await guard.OnCircuitOpenedAsync(null!, CancellationToken.None);
        var served = 0;
        var handle = guard.CreateInboundActivityHandler(_ =>
        {
            served++;
            return Task.CompletedTask;
        });
        await handle(null!);
        Assert.Equal(1, served);

        switch (how)
        {
            case "sign-out":
                await accounts.EndSessionsAsync(account.Id, "sign-out", "test", CancellationToken.None);
                break;
            case "disable":
                await accounts.SetDisabledAsync(account.UserName, disabled: true, "test", CancellationToken.None);
                break;
            default:
                await accounts.SetPasswordAsync(account.UserName, "another long password", "test", CancellationToken.None);
                break;
        }

        // The next revalidation finds the session over (generous bound; the interval is a second here).
        Assert.True(await ended.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        await Assert.ThrowsAsync<StaffSessionEndedException>(() => handle(null!));
        Assert.Equal(1, served);
    }

    [Fact]
    public async Task A_circuit_without_a_signed_in_user_is_refused_when_it_opens()
    {
        using var factory = new RevalidatingFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal())));
        var guard = scope.ServiceProvider.GetServices<CircuitHandler>().OfType<StaffCircuitGuard>().Single();
        await Assert.ThrowsAsync<StaffSessionEndedException>(() => guard.OnCircuitOpenedAsync(null!, CancellationToken.None));
        var served = 0;
        var handle = guard.CreateInboundActivityHandler(_ =>
        {
            served++;
            return Task.CompletedTask;
        });
        await Assert.ThrowsAsync<StaffSessionEndedException>(() => handle(null!));
        Assert.Equal(0, served);
    }

    [Fact]
    public async Task A_session_that_is_still_current_keeps_its_circuit()
    {
        using var factory = new RevalidatingFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var account = await accounts.FindAsync(StaffFactory.AtsugiClerk, CancellationToken.None) ?? throw new InvalidOperationException("no clerk");
        var authentication = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var changes = 0;
        authentication.AuthenticationStateChanged += _ => changes++;
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(StaffAuthentication.Principal(account, PortalFactory.Now))));
        changes = 0;
        var guard = scope.ServiceProvider.GetServices<CircuitHandler>().OfType<StaffCircuitGuard>().Single();
        await guard.OnCircuitOpenedAsync(null!, CancellationToken.None);

        // Another clerk signs out: this session is untouched through several revalidations.
        var other = await accounts.FindAsync(StaffFactory.NiigataClerk, CancellationToken.None) ?? throw new InvalidOperationException("no clerk");
        await accounts.EndSessionsAsync(other.Id, "sign-out", "test", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, changes);
        Assert.True((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        var served = 0;
        await guard.CreateInboundActivityHandler(_ =>
        {
            served++;
            return Task.CompletedTask;
        })(null!);
        Assert.Equal(1, served);
    }

    /// <summary>The staff tests' portal, with the circuit's session checked every second.</summary>
    private sealed class RevalidatingFactory : StaffFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            base.Configure(builder);
            builder.UseSetting("Staff:CircuitRevalidationSeconds", "1");
        }
    }
}
