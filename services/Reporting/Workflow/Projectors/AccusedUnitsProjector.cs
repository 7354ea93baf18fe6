using Coordination.Contracts.Intake;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Recusal;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>
/// Keeps an accusation's accused unit away from the case here (case_recusals, ADR 30), in the fold's transaction, so no
/// timeline, register or notification of it is ever shown to the unit. Not a figure: the event log does not keep the
/// accused unit (LoggedFields), so a rebuild neither clears these rows nor writes them again.
/// </summary>
public sealed class AccusedUnitsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(PetitionRegistered) };

    public Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct) =>
        e.Message is PetitionRegistered m ? db.RecuseAccusedUnitAsync(m.CaseId, m.AccusedUnit, m.OccurredAt, ct) : Task.CompletedTask;

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => Task.CompletedTask;
}
