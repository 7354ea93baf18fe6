using Coordination.Contracts.Intake;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Reception days held, with the cases received there, for leaders' reception compliance (seed §6–8).</summary>
public sealed class ReceptionSessionsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(ReceptionDayHeld) };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        if (e.Message is not ReceptionDayHeld m || await db.ReceptionSessions.AnyAsync(r => r.ReceptionDayId == m.ReceptionDayId, ct)) return;
        db.ReceptionSessions.Add(new ReceptionSession
        {
            ReceptionDayId = m.ReceptionDayId, LeaderName = m.LeaderName, Level = m.Level, RegionCode = m.RegionCode,
            Month = m.Date.ToString("yyyy-MM"), CaseIds = [.. m.CaseIds],
        });
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.ReceptionSessions.ExecuteDeleteAsync(ct);
}
