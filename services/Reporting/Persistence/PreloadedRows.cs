using System.Collections.Concurrent;
using System.Reflection;
using Coordination.Reporting.Workflow;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// Before a group commit's batch is folded, its cases' facts and its hand-overs are locked and loaded with one statement
/// each (in key order), instead of one locked read per event (issue 15); the keys that have no row yet are remembered
/// for this transaction only, so the fold that creates one does not ask again (<see cref="LockedRows"/>).
/// </summary>
public sealed class PreloadedRows : IBeforeGroupApply<ReportingDb>
{
    public const string CaseFacts = "case_facts", Handovers = "handovers";

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
        db.Preloaded = known;
    }

    private static Guid? AssignmentIdOf(object message) =>
        AssignmentIds.GetOrAdd(message.GetType(), static type => type.GetProperty("AssignmentId") is { PropertyType: var t } p && t == typeof(Guid) ? p : null)
            ?.GetValue(message) as Guid?;
}
