using Coordination.Reporting.Persistence;
using Coordination.Reporting.Workflow.Projectors;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Every read model's projector, and the events Reporting therefore consumes. A new report is a projector added here
/// plus its API; the consumers and the rebuild follow. The order is the order rows are locked in within one event's
/// transaction (a deadline before its case, a case before its region's counters), the same for every event.
/// </summary>
public sealed class ReadModels
{
    public static readonly ReadModels All = new(
    [
        new TimelineProjector(),
        new CaseScopeProjector(),
        new AccusedUnitsProjector(),
        new OverdueProjector(),
        new CaseFactsProjector(),
        new BeijingPetitionsProjector(),
        new LiveCountersProjector(),
        new HandoversProjector(),
        new ReceptionSessionsProjector(),
        new JointMeetingsProjector(),
        new LegalCasesProjector(),
        new NotificationsProjector(),
        new SuggestionsProjector(),
        new MajorEventsProjector(),
    ]);

    private readonly IReadOnlyList<IProjector> projectors;
    private readonly Dictionary<Type, IProjector[]> byEvent;

    public ReadModels(IReadOnlyList<IProjector> projectors)
    {
        this.projectors = projectors;
        byEvent = projectors.SelectMany(p => p.Folds).Distinct()
            .ToDictionary(t => t, t => projectors.Where(p => p.Folds.Contains(t)).ToArray());
    }

    /// <summary>The event types some read model folds: what Reporting subscribes to.</summary>
    public IReadOnlyCollection<Type> EventTypes => byEvent.Keys;

    /// <summary>Folds one event into every read model that declares it; the caller commits.</summary>
    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        foreach (var projector in byEvent.GetValueOrDefault(e.Message.GetType()) ?? []) await projector.ApplyAsync(db, e, ct);
    }

    public async Task ClearAsync(ReportingDb db, CancellationToken ct)
    {
        foreach (var projector in projectors) await projector.ClearAsync(db, ct);
    }
}
