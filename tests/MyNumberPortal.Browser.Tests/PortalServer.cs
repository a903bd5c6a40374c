using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Web.Tests;
using MyNumberPortal.Web.Tests.Staff;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The HTTP tests' portal (its own SQLite file, created, migrated and seeded on start, the fixed clock, one 品川区 clerk, one 品川区 admin),
/// on Kestrel at a free loopback port so that a browser can reach it over TCP.
/// </summary>
public sealed class PortalServer : PortalFactory
{
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="settings">Configuration on top of the tests' (e.g. <c>Staff:CircuitRevalidationSeconds</c>).</param>
    public PortalServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The host, with the 品川区 clerk of the staff tests (<see cref="StaffFactory.ShinagawaClerk"/>) to sign in as.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        StaffFactory.CreateShinagawaClerk(host.Services);
        MyNumberPortal.Web.Tests.Admin.AdminFactory.CreateShinagawaAdmin(host.Services);
        return host;
    }

    /// <summary>Starts Kestrel and returns the address it is listening on, e.g. "http://127.0.0.1:40123".</summary>
    public string Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no HTTP address.");
        return address.TrimEnd('/');
    }
}
