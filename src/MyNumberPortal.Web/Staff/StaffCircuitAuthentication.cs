using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// The authentication state of an interactive staff page (a Blazor circuit), checked again every
/// <see cref="StaffOptions.CircuitRevalidationSeconds"/> against the database as every staff request is
/// (<see cref="StaffSessions.IsCurrentAsync"/>: the security stamp and the absolute lifetime). A circuit lives on one
/// WebSocket for as long as the page is open and sends no cookie after it connected, so without this a sign-out, a password
/// change or disabling the account would not reach it. Once the session has ended the state becomes anonymous, and
/// <see cref="StaffCircuitGuard"/> stops the circuit. On a page rendered statically the state is the request's user.
/// </summary>
public sealed class StaffCircuitAuthentication(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<StaffOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Clamp(options.Value.CircuitRevalidationSeconds, 1, 600));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        // The circuit's own scope outlives many requests; the check gets a fresh one (and a fresh database context).
        await using var scope = scopes.CreateAsyncScope();
        return await StaffSessions.IsCurrentAsync(authenticationState.User, scope.ServiceProvider, cancellationToken);
    }
}
