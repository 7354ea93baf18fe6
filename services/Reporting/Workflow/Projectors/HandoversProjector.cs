using Coordination.Contracts.Assignment;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Each hand-over for unit performance and the overdue list's signer: who routed it, to whom, when acknowledged, whether returned.</summary>
public sealed class HandoversProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(CaseAssigned), typeof(AssignmentAcknowledged), typeof(AssignmentReturned) };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case CaseAssigned m:
                var assigned = await db.HandoverAsync(m.AssignmentId, ct);
                (assigned.CaseId, assigned.UnitCode, assigned.RoutedBy, assigned.AssignedAt) = (m.CaseId, m.UnitCode, m.RoutedBy, m.OccurredAt);
                break;
            case AssignmentAcknowledged m:
                var acknowledged = await db.HandoverAsync(m.AssignmentId, ct);
                acknowledged.AcknowledgedAt ??= m.OccurredAt;
                acknowledged.AcknowledgedBy ??= m.Actor;
                break;
            case AssignmentReturned m:
                var returned = await db.HandoverAsync(m.AssignmentId, ct);
                (returned.Returned, returned.RoutedBy) = (true, m.RoutedBy);
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.Handovers.ExecuteDeleteAsync(ct);
}
