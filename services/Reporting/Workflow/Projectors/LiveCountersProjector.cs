using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>
/// A region's figures per Nanjing day in PostgreSQL: the truth the live dashboard's Redis copy is raised to after the
/// commit (LiveCountersToRedis). A closure counts on its case's region, so one that arrives before its registration
/// is counted when the registration comes.
/// </summary>
public sealed class LiveCountersProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(CaseClosed) };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case PetitionRegistered m:
                var fact = await db.CaseFactAsync(m.CaseId, ct);
                var today = await db.LiveCounterAsync(m.RegionCode, m.OccurredAt, ct);
                today.Registered++;
                if (m.Collective) today.Collective++;
                if (m.ToBeijing) today.ToBeijing++;
                if (fact.ClosedAt is { } closedFirst) (await db.LiveCounterAsync(m.RegionCode, closedFirst, ct)).Closed++; // its closure came first
                break;
            case PetitionLinkedAsRepeat m:
                var repeatDay = await db.LiveCounterAsync(m.RegionCode, m.OccurredAt, ct);
                repeatDay.Repeats++;
                if (m.ToBeijing) repeatDay.ToBeijing++;
                break;
            case CaseClosed m:
                var closed = await db.CaseFactAsync(m.CaseId, ct);
                if (closed.RegionCode.Length > 0) (await db.LiveCounterAsync(closed.RegionCode, m.OccurredAt, ct)).Closed++; // else counted at registration
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.LiveCounters.ExecuteDeleteAsync(ct);
}
