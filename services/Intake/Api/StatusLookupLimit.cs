using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Coordination.Intake.Api;

/// <summary>
/// The anonymous query-code lookup (GetPetitionStatus) answers each client address a few times a minute (ASP.NET Core's
/// rate limiter, a fixed window per address): enough for a petitioner, too few to try codes. A refusal is the gRPC
/// status ResourceExhausted with a message in Chinese, for the petitioner who reads it, and when to try again.
/// Settings: Intake__StatusLookup__PermitLimit (20) and Intake__StatusLookup__Window (00:01:00).
/// </summary>
public static class StatusLookupLimit
{
    public const string Policy = "status-lookup";

    public static WebApplicationBuilder AddStatusLookupLimit(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Intake:StatusLookup");
        var permits = section.GetValue("PermitLimit", 20);
        var window = section.GetValue("Window", TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int)window.TotalSeconds;
                Refuse(context.HttpContext, seconds);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>A trailers-only gRPC response (status in the headers), as a gRPC client expects it.</summary>
    private static void Refuse(HttpContext http, int seconds)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-status"] = ((int)global::Grpc.Core.StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded UTF-8 (gRPC over HTTP/2).
        http.Response.Headers["grpc-message"] = Uri.EscapeDataString($"查询过于频繁，请 {seconds} 秒后再试。");
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}
