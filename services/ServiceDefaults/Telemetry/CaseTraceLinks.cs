using System.Diagnostics;
using Coordination.ServiceDefaults.Recusal;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// The cases a call is about, and the link from its span to the trace each began in (its registration's), so that every
/// later action on a case (an acknowledgement an hour later, a referral's conclusion a month later) is found from the
/// case's trace. A request names its cases by case_id, or else by ids of the service that its <see cref="ICaseLocator"/>
/// ties to cases (an assignment, a referral, a meeting). Both lookups are remembered in a bounded cache (an assignment's
/// case and a case's first trace never change); only a recorded span asks for the trace. A lookup that fails is logged
/// at Debug and the call goes on without it.
/// </summary>
public sealed class CaseTraceLinks(ILogger<CaseTraceLinks> log) : IDisposable
{
    public const string TraceIdTag = "coordination.case_trace_id";

    /// <summary>At most this many cases taken from one call (a meeting on several cases).</summary>
    public const int MaxCases = 8;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>The cases the request names: its case ids, or else those its other ids stand for here.</summary>
    public async Task<IReadOnlyList<Guid>> CasesAsync(object request, HttpContext http, CancellationToken ct)
    {
        if (request is not IMessage message) return [];
        var ids = new List<(string Field, Guid Id)>();
        foreach (var (field, value) in CaseFields.Ids(message))
            if (Guid.TryParse(value, out var id)) ids.Add((field, id));
        if (ids.Count == 0) return [];
        var named = ids.Where(i => CaseFields.IsCaseField(i.Field)).Select(i => i.Id).Distinct().Take(MaxCases).ToList();
        if (named.Count > 0 || http.RequestServices.GetService<ICaseLocator>() is not { } locator) return named;
        try
        {
            var cases = new List<Guid>();
            foreach (var (field, id) in ids)
                if (cases.Count < MaxCases) cases.AddRange(await LocateAsync(locator, field, id, ct));
            return cases.Distinct().Take(MaxCases).ToList();
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "The cases of a request could not be looked up; the call goes on without them");
            return [];
        }
    }

    /// <summary>Links the current span, when it is recorded, to the trace each case began in, and tags it with the first.</summary>
    public async Task LinkAsync(IReadOnlyList<Guid> cases, HttpContext http, CancellationToken ct)
    {
        if (cases.Count == 0 || Activity.Current is not { IsAllDataRequested: true } span) return;
        try
        {
            if (http.RequestServices.GetService<ICaseOrigins>() is not { } origins) return;
            var linked = new HashSet<ActivityTraceId>();
            foreach (var caseId in cases)
            {
                if (await OriginAsync(origins, caseId, ct) is not { } origin || origin.TraceId == span.TraceId || !linked.Add(origin.TraceId)) continue;
                span.AddLink(new ActivityLink(origin));
                if (linked.Count == 1) span.SetTag(TraceIdTag, origin.TraceId.ToHexString());
            }
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "The case's trace could not be looked up; the call goes on unlinked");
        }
    }

    private async Task<IReadOnlyCollection<Guid>> LocateAsync(ICaseLocator locator, string field, Guid id, CancellationToken ct)
    {
        var key = (field, id);
        if (_cache.TryGetValue(key, out IReadOnlyCollection<Guid>? known)) return known!;
        if (await locator.LocateAsync(field, id, ct) is not { CaseIds.Count: > 0 } reference) return [];
        _cache.Set(key, reference.CaseIds, new MemoryCacheEntryOptions { Size = 1 });
        return reference.CaseIds;
    }

    /// <summary>
    /// Only a trace found is remembered: a case this service has not consumed yet (a call racing its registration's event)
    /// is asked for again on the next call, as is a row from before traces were kept (one read by primary key or index).
    /// </summary>
    private async Task<ActivityContext?> OriginAsync(ICaseOrigins origins, Guid caseId, CancellationToken ct)
    {
        if (_cache.TryGetValue(caseId, out ActivityContext known)) return known;
        if (!ActivityContext.TryParse(await origins.TraceParentAsync(caseId, ct), null, out var origin)) return null;
        _cache.Set(caseId, origin, new MemoryCacheEntryOptions { Size = 1 });
        return origin;
    }

    public void Dispose() => _cache.Dispose();
}
