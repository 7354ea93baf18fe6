using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Coordination.Intake.Api;

/// <summary>
/// The anonymous query-code lookup (GetPetitionStatus) answers each client address a few times a minute (ASP.NET Core's
/// rate limiter, a fixed window per address): enough for a petitioner, too few to try codes. A refusal is the gRPC
/// status ResourceExhausted with a message in Chinese, for the petitioner who reads it, and when to try again.
/// The petitioner's self-service (GetPetitionProgress, RatePetitionReply, RequestPetitionReview) shares the same limit.
/// A front that calls on petitioners' behalf (the console's public page) would make every petitioner one address: a front
/// listed in Intake__StatusLookup__TrustedProxies__0..n is trusted to name its client in X-Forwarded-For (the last entry,
/// the one it added), and that address is counted instead. Anyone else's X-Forwarded-For is ignored, so it cannot be used
/// to dodge the limit.
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
        var trusted = (section.GetSection("TrustedProxies").Get<string[]>() ?? []).Select(IPAddress.Parse).ToHashSet();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http, trusted),
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

    /// <summary>The address counted: the connection's, or for a trusted front the client it names last in X-Forwarded-For.</summary>
    public static string ClientOf(HttpContext http, IReadOnlySet<IPAddress> trusted)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null) return "unknown";
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        if (!trusted.Contains(remote)) return remote.ToString();
        var named = http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return named is not null && IPAddress.TryParse(named, out var client) ? "via:" + client : remote.ToString();
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
