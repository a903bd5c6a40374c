using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// A load balancer on loopback for two portal instances, with the rule of deploy/nginx.conf at its sharpest: every
/// circuit request (<c>/_blazor</c>: the negotiation and the WebSocket) goes to <see cref="circuits"/>, everything else
/// to <see cref="pages"/>. So an interactive staff page is rendered by one instance and runs its circuit on the other,
/// which only works when both share the data-protection keys (the page's component descriptors are protected). It
/// adds <c>X-Forwarded-For</c> as a balancer does and records which instance served which request.
/// </summary>
public sealed class AffinityBalancer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Uri pages;
    private readonly Uri circuits;
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private AffinityBalancer(Uri pages, Uri circuits)
    {
        this.pages = pages;
        this.circuits = circuits;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.UseWebSockets();
        app.Run(ForwardAsync);
    }

    /// <summary>The balancer's own address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>(instance, method, path, WebSocket) for every request forwarded, in order.</summary>
    public ConcurrentQueue<(Uri Instance, string Method, string Path, bool WebSocket)> Forwarded { get; } = new();

    public static async Task<AffinityBalancer> StartAsync(Uri pages, Uri circuits)
    {
        var balancer = new AffinityBalancer(pages, circuits);
        await balancer.app.StartAsync();
        balancer.Address = balancer.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var instance = context.Request.Path.StartsWithSegments("/_blazor", StringComparison.Ordinal) ? circuits : pages;
        var target = new Uri(instance, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString);
        Forwarded.Enqueue((instance, context.Request.Method, context.Request.Path.Value!, context.WebSockets.IsWebSocketRequest));
        if (context.WebSockets.IsWebSocketRequest)
        {
            await ForwardWebSocketAsync(context, target);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "Host" or "Connection" or "Transfer-Encoding" or "Keep-Alive" or "Upgrade" or "Accept-Encoding")
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = context.Request.Host.Value;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.31");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Connection" or "Keep-Alive"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task ForwardWebSocketAsync(HttpContext context, Uri target)
    {
        using var upstream = new ClientWebSocket();
        if (context.Request.Headers.Cookie is { Count: > 0 } cookie)
        {
            upstream.Options.SetRequestHeader("Cookie", cookie.ToString());
        }

        upstream.Options.SetRequestHeader("X-Forwarded-For", "203.0.113.31");
        await upstream.ConnectAsync(new UriBuilder(target) { Scheme = "ws" }.Uri, context.RequestAborted);
        using var downstream = await context.WebSockets.AcceptWebSocketAsync(upstream.SubProtocol);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        await Task.WhenAny(PumpAsync(downstream, upstream, stop.Token), PumpAsync(upstream, downstream, stop.Token));
        await stop.CancelAsync();
    }

    private static async Task PumpAsync(WebSocket from, WebSocket to, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var received = await from.ReceiveAsync(buffer, cancel);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await to.CloseOutputAsync(from.CloseStatus ?? WebSocketCloseStatus.NormalClosure, from.CloseStatusDescription, CancellationToken.None);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, cancel);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // One side went away: the other is closed with it.
        }
    }
}
