using System.Diagnostics;
using Coordination.ServiceDefaults.Recusal;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// Links the span of a call about a case to the trace the case began in (its registration's), so that every later action
/// on it (an acknowledgement an hour later, a referral's conclusion a month later) is found from the case's trace. The
/// request names the case by case_id, or by an id of the service that its <see cref="ICaseLocator"/> ties to cases. Both
/// lookups are remembered in a bounded cache (what a case's trace or an assignment's case is never changes). Only a
/// recorded span asks; a lookup that fails is logged at Debug and the call goes on.
/// </summary>
public sealed class CaseTraceLinks(ILogger<CaseTraceLinks> log) : IDisposable
{
    public const string TraceIdTag = "coordination.case_trace_id";

    /// <summary>At most this many cases linked from one call (a meeting on several cases).</summary>
    public const int MaxLinks = 8;

    private static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(30); // a case not yet consumed here, or from before traces were kept
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task LinkAsync(object request, HttpContext http, CancellationToken ct)
    {
        if (Activity.Current is not { IsAllDataRequested: true } span || request is not IMessage message) return;
        try
        {
            var services = http.RequestServices;
            if (services.GetService<ICaseOrigins>() is not { } origins) return;
            var locator = services.GetService<ICaseLocator>();
            var linked = new HashSet<ActivityTraceId>();
            foreach (var caseId in await CasesAsync(message, locator, ct))
            {
                if (linked.Count == MaxLinks) break;
                if (await OriginAsync(origins, caseId, ct) is not { } origin || !linked.Add(origin.TraceId) || origin.TraceId == span.TraceId) continue;
                span.AddLink(new ActivityLink(origin));
                if (linked.Count == 1) span.SetTag(TraceIdTag, origin.TraceId.ToHexString());
            }
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "The case's trace could not be looked up; the call goes on unlinked");
        }
    }

    private async Task<List<Guid>> CasesAsync(IMessage message, ICaseLocator? locator, CancellationToken ct)
    {
        var cases = new List<Guid>();
        foreach (var (field, value) in CaseFields.Ids(message))
        {
            if (cases.Count >= MaxLinks) break;
            if (!Guid.TryParse(value, out var id)) continue;
            if (CaseFields.IsCaseField(field)) cases.Add(id);
            else if (locator is not null) cases.AddRange(await LocateAsync(locator, field, id, ct));
        }
        return cases;
    }

    private async Task<IReadOnlyCollection<Guid>> LocateAsync(ICaseLocator locator, string field, Guid id, CancellationToken ct)
    {
        var key = (field, id);
        if (_cache.TryGetValue(key, out IReadOnlyCollection<Guid>? known)) return known!;
        if (await locator.LocateAsync(field, id, ct) is not { CaseIds.Count: > 0 } reference) return [];
        _cache.Set(key, reference.CaseIds, new MemoryCacheEntryOptions { Size = 1 });
        return reference.CaseIds;
    }

    private async Task<ActivityContext?> OriginAsync(ICaseOrigins origins, Guid caseId, CancellationToken ct)
    {
        if (_cache.TryGetValue(caseId, out ActivityContext? known)) return known;
        var origin = ActivityContext.TryParse(await origins.TraceParentAsync(caseId, ct), null, out var parsed) ? parsed : (ActivityContext?)null;
        _cache.Set(caseId, origin, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = origin is null ? UnknownFor : null });
        return origin;
    }

    public void Dispose() => _cache.Dispose();
}
