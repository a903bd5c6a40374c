using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Request size limits (see docs/security.md): Kestrel's body, header and request-line limits, form limits, and a
/// middleware that answers 413 with problem details, never 500, for a body over the limit.
/// </summary>
/// <remarks>
/// Residents' answers travel in URLs, so no page or API endpoint needs a body today. An endpoint that does (the admin
/// import, about 1 MB) raises its own limit with <c>[RequestSizeLimit(1_048_576)]</c> or
/// <c>.WithMetadata(new RequestSizeLimitAttribute(1_048_576))</c>, and for a form also
/// <c>[RequestFormLimits(ValueLengthLimit = …, MultipartBodyLengthLimit = …)]</c>.
/// </remarks>
public static class RequestLimits
{
    public const string SectionName = "RequestLimits";

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RequestLimitSettings>().Bind(builder.Configuration.GetSection(SectionName))
            .Validate(s => s.MaxBodyBytes > 0 && s.MaxHeadersTotalBytes > 0 && s.MaxRequestLineBytes > 0 && s.MaxFormValueCount > 0,
                "RequestLimits: every limit must be positive.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitSettings>>((kestrel, settings) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.Value.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = settings.Value.MaxHeadersTotalBytes;
            kestrel.Limits.MaxRequestLineSize = settings.Value.MaxRequestLineBytes;
        });
        services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitSettings>>((form, settings) =>
        {
            var body = settings.Value.MaxBodyBytes;
            form.ValueCountLimit = settings.Value.MaxFormValueCount;
            form.KeyLengthLimit = 256;
            form.ValueLengthLimit = (int)Math.Min(body, int.MaxValue);
            form.MultipartBodyLengthLimit = body;
            form.MultipartHeadersLengthLimit = 4096;
            form.BufferBodyLengthLimit = body;
        });
        return builder;
    }

    /// <summary>
    /// Answers 413 at once when the declared Content-Length is over the endpoint's limit (the same check on Kestrel and
    /// in the test server), and turns the server's "request body too large" error (a chunked body that grows past the
    /// limit while an endpoint reads it) into a 413 too.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<RequestLimitSettings>>().Value;
        return app.Use(async (context, next) =>
        {
            // Routing has run: an endpoint's [RequestSizeLimit] or [DisableRequestSizeLimit] wins over the default.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
                ? metadata.MaxRequestBodySize
                : settings.MaxBodyBytes;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                await WriteTooLargeAsync(context, max);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteTooLargeAsync(context, limit ?? settings.MaxBodyBytes);
            }
        });
    }

    private static Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        return TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The request body is larger than this address accepts ({limit.ToString("N0", CultureInfo.InvariantCulture)} bytes).")
            .ExecuteAsync(context);
    }
}

/// <summary>The <c>RequestLimits</c> configuration section.</summary>
public sealed class RequestLimitSettings
{
    /// <summary><c>RequestLimits:MaxBodyBytes</c>: the largest request body (default 64 KB).</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary><c>RequestLimits:MaxHeadersTotalBytes</c>: all request headers together (default 32 KB, Kestrel's default).</summary>
    public int MaxHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary><c>RequestLimits:MaxRequestLineBytes</c>: method, URL with query and protocol (default 8 KB, Kestrel's default).</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary><c>RequestLimits:MaxFormValueCount</c>: fields in a posted form (default 256).</summary>
    public int MaxFormValueCount { get; set; } = 256;
}
