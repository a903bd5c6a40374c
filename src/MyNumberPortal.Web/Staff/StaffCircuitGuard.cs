using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// Interactive parts exist on staff pages only, so a circuit serves a signed-in staff member or nobody: a circuit whose user is
/// not signed in (a page's component markers replayed without the cookie, or a reconnect with a cookie whose session has
/// ended) is refused when it opens and on every message from the browser (an exception there ends the circuit). When
/// <see cref="StaffCircuitAuthentication"/> finds that the session has ended, the page is reloaded, which takes the browser
/// to the sign-in page; a browser that ignores that is refused at its next message.
/// </summary>
public sealed class StaffCircuitGuard(AuthenticationStateProvider authentication, NavigationManager navigation, ILogger<StaffCircuitGuard> logger)
    : CircuitHandler
{
    private bool open;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        await RequireStaffAsync();
        authentication.AuthenticationStateChanged += OnChanged;
        open = true;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (open)
        {
            authentication.AuthenticationStateChanged -= OnChanged;
            open = false;
        }

        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RequireStaffAsync();
            await next(context);
        };

    private async Task RequireStaffAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
        {
            throw new StaffSessionEndedException();
        }
    }

    private async void OnChanged(Task<AuthenticationState> changed)
    {
        try
        {
            if ((await changed).User.Identity?.IsAuthenticated != true)
            {
                logger.LogInformation("A staff session ended while its interactive page was open; the page is reloaded");
                navigation.NavigateTo(navigation.Uri, forceLoad: true);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The browser may be gone already; its next message (if any) is refused.
            logger.LogDebug(ex, "Reloading the page of an ended staff session failed");
        }
    }
}

/// <summary>The staff session of a circuit has ended (or there never was one): the circuit stops.</summary>
public sealed class StaffSessionEndedException : Exception
{
    public StaffSessionEndedException()
        : base("The staff session of this interactive page has ended.")
    {
    }

    public StaffSessionEndedException(string message)
        : base(message)
    {
    }

    public StaffSessionEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
