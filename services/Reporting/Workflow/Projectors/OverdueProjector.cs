using Coordination.Contracts;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>The overdue list: every time limit of every service, by the rungs its scanner published.</summary>
public sealed class OverdueProjector : IProjector
{
    /// <summary>Every service's rungs, by the shape they share: a new ladder needs nothing here.</summary>
    public IReadOnlySet<Type> Folds { get; } = typeof(IDeadlineRung).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDeadlineRung).IsAssignableFrom(t)).ToHashSet();

    /// <summary>Rungs of older messages (no deadline id) are left out.</summary>
    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        if (RungOf(e.Message) is not { DeadlineId: { } id } rung) return;
        (await db.OverdueDeadlineAsync(rung, id, ct)).Record(rung);
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.OverdueDeadlines.ExecuteDeleteAsync(ct);

    private static DeadlineRung? RungOf(object message) => message is IDeadlineRung rung ? DeadlineRung.From(rung) : null;
}
