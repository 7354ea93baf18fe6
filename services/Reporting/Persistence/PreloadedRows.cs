using System.Collections.Concurrent;
using System.Reflection;
using Coordination.Contracts.Intake;
using Coordination.Reporting.Workflow;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// Before a group commit's batch is folded, its cases' facts, its hand-overs and the live counters its registrations
/// count on (region and Nanjing day) are locked and loaded with one statement each (in key order), instead of one locked
/// read per event or per counter (issue 15); the keys that have no row yet are remembered for this transaction only, so
/// the fold that creates one does not ask again (<see cref="LockedRows"/>). The tables in the order every event's fold
/// locks them (ReadModels): a case's fact before its region's counters; hand-overs are not folded by the events that count.
/// </summary>
public sealed class PreloadedRows : IBeforeGroupApply<ReportingDb>
{
    public const string CaseFacts = "case_facts", Handovers = "handovers", LiveCounters = "live_counters";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> AssignmentIds = new();

    public async Task RunAsync(ReportingDb db, IReadOnlyList<object?> states, CancellationToken ct)
    {
        var events = states.OfType<EventEnvelope>().ToList();
        var cases = events.Select(e => e.CaseId).Where(id => id != Guid.Empty).Distinct().Order().ToArray();
        var handovers = events.Select(e => AssignmentIdOf(e.Message)).OfType<Guid>().Distinct().Order().ToArray();
        var known = new PreloadedKeys(db.Database.CurrentTransaction);
        if (cases.Length > 1)
        {
            var found = await db.CaseFacts.FromSql($"SELECT * FROM case_facts WHERE \"CaseId\" = ANY({cases}) ORDER BY \"CaseId\" FOR UPDATE").ToListAsync(ct);
            known.Loaded(CaseFacts, cases, found.Select(f => f.CaseId));
        }
        if (handovers.Length > 1)
        {
            var found = await db.Handovers.FromSql($"SELECT * FROM handovers WHERE \"AssignmentId\" = ANY({handovers}) ORDER BY \"AssignmentId\" FOR UPDATE").ToListAsync(ct);
            known.Loaded(Handovers, handovers, found.Select(h => h.AssignmentId));
        }
        // The counters LiveCountersProjector raises on registration (a closure's region is its fact's, known only later).
        var counters = events.Select(e => e.Message switch
            {
                PetitionRegistered m => LockedRows.CounterKey(m.RegionCode, m.OccurredAt),
                PetitionLinkedAsRepeat m => LockedRows.CounterKey(m.RegionCode, m.OccurredAt),
                _ => ((DateOnly, string)?)null,
            }).OfType<(DateOnly Day, string Region)>().Distinct().ToArray();
        if (counters.Length > 1)
        {
            DateOnly[] days = [.. counters.Select(c => c.Day)];
            string[] regions = [.. counters.Select(c => c.Region)];
            var found = await db.LiveCounters.FromSql($"""
                SELECT * FROM live_counters WHERE ("Day", "RegionCode") IN (SELECT * FROM unnest({days}, {regions}))
                ORDER BY "Day", "RegionCode" FOR UPDATE
                """).ToListAsync(ct);
            known.Loaded(LiveCounters, counters, found.Select(c => (c.Day, c.RegionCode)));
        }
        db.Preloaded = known;
    }

    private static Guid? AssignmentIdOf(object message) =>
        AssignmentIds.GetOrAdd(message.GetType(), static type => type.GetProperty("AssignmentId") is { PropertyType: var t } p && t == typeof(Guid) ? p : null)
            ?.GetValue(message) as Guid?;
}
