using Coordination.Contracts.Intake;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Each batch that went to Beijing, new case or repeat (§9): the bulletin and the key-managed counties count these.</summary>
public sealed class BeijingPetitionsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat) };

    public Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case PetitionRegistered { ToBeijing: true } m:
                Add(db, e.MessageId, m.CaseId, m.RegionCode, m.OccurredAt, Math.Max(m.GroupSize, m.PetitionerCount), m.Collective);
                break;
            case PetitionLinkedAsRepeat { ToBeijing: true } m:
                Add(db, e.MessageId, m.CaseId, m.RegionCode, m.OccurredAt, m.GroupSize, m.GroupSize >= 5); // five or more is a collective visit
                break;
        }
        return Task.CompletedTask;
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.BeijingPetitions.ExecuteDeleteAsync(ct);

    private static void Add(ReportingDb db, Guid messageId, Guid caseId, string region, DateTimeOffset at, int people, bool collective) =>
        db.BeijingPetitions.Add(new BeijingPetition
        {
            MessageId = messageId, CaseId = caseId, RegionCode = region, Month = BureauMonth.Of(at), People = Math.Max(people, 1), Collective = collective,
        });
}
