using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Rate limits per client address (see docs/security.md): the JSON API (every path under /api), and the
/// <see cref="SignInPolicy"/> policy for the sign-in form. A rejected request gets 429 with <c>Retry-After</c>
/// (seconds) and a problem-details body.
/// </summary>
/// <remarks>
/// Resident pages are not limited: they are rendered from the in-memory rule snapshot and never touch the
/// database, so a burst costs little, and people behind one address (a city office, a mobile carrier's NAT) must
/// not lock each other out. The client address is the connection's remote address; behind a load balancer
/// the forwarded-headers middleware must be enabled (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) or every
/// request counts against the balancer's address.
/// </remarks>
public static class RateLimits
{
    /// <summary>The policy for the sign-in form: <c>.RequireRateLimiting(RateLimits.SignInPolicy)</c> or <c>[EnableRateLimiting(RateLimits.SignInPolicy)]</c>.</summary>
    public const string SignInPolicy = "sign-in";

    public const string SectionName = "RateLimits";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().Bind(builder.Configuration.GetSection(SectionName))
            .Validate(s => s.Api.IsValid && s.SignIn.IsValid, "RateLimits: PermitLimit and WindowSeconds must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var api = settings.Value.Api;
            var signIn = settings.Value.SignIn;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter("api " + ClientKey(context), _ => api.ToOptions())
                    : RateLimitPartition.GetNoLimiter(""));
            // Only attempts count (POST and the like): the page that shows the form can be loaded freely, so the
            // policy can go on a Blazor page whose form posts to its own address.
            options.AddPolicy(SignInPolicy, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => signIn.ToOptions()));
            options.OnRejected = (rejected, cancellationToken) => new ValueTask(WriteRejectionAsync(rejected.HttpContext, rejected.Lease, api));
        });
        return builder;
    }

    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>The partition of a client: its IPv4 address, or its IPv6 /64 network (one subscriber's usual allocation).</summary>
    internal static string ClientKey(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static Task WriteRejectionAsync(HttpContext context, RateLimitLease lease, WindowLimit fallback)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : fallback.WindowSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            type: "https://tools.ietf.org/html/rfc6585#section-4",
            detail: $"Too many requests from your address in a short time. Please try again in {seconds} seconds.")
            .ExecuteAsync(context);
    }
}

/// <summary>The <c>RateLimits</c> configuration section.</summary>
public sealed class RateLimitSettings
{
    /// <summary><c>RateLimits:Api:PermitLimit</c>, <c>RateLimits:Api:WindowSeconds</c>: requests to /api/** per client address and window.</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 120, WindowSeconds = 10 };

    /// <summary><c>RateLimits:SignIn:PermitLimit</c>, <c>RateLimits:SignIn:WindowSeconds</c>: sign-in attempts per client address and window.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/> seconds; no queue.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    internal bool IsValid => PermitLimit > 0 && WindowSeconds > 0;

    internal FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
