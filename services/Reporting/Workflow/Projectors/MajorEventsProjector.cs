using Coordination.Contracts.Assignment;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Major events (§11): opened, first reports (late or not), follow-ups, return teams and who came home, closed.</summary>
public sealed class MajorEventsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(MajorEventOpened), typeof(MajorEventReported), typeof(ReturnTeamDispatched), typeof(DispatchOutcomeRecorded), typeof(MajorEventClosed),
    };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case MajorEventOpened m:
                var opened = await db.MajorEventFactAsync(m.MajorEventId, ct);
                (opened.CaseId, opened.Kind, opened.RegionCode, opened.FirstReportDueAt) = (m.CaseId, m.Kind, m.RegionCode, m.FirstReportDueAt);
                opened.Month = WorkingDays.DayOf(m.OccurredAt).ToString("yyyy-MM");
                break;
            case MajorEventReported { Sequence: 1 } m:
                var first = await db.MajorEventFactAsync(m.MajorEventId, ct);
                (first.FirstReportedAt, first.ReportedLate) = (m.OccurredAt, m.Late);
                break;
            case MajorEventReported m:
                var followed = await db.MajorEventFactAsync(m.MajorEventId, ct);
                followed.FollowUps = Math.Max(followed.FollowUps, m.Sequence - 1);
                break;
            case ReturnTeamDispatched m:
                (await db.MajorEventFactAsync(m.MajorEventId, ct)).Dispatches++;
                break;
            case DispatchOutcomeRecorded m:
                var outcome = await db.MajorEventFactAsync(m.MajorEventId, ct);
                if (m.Outcome == DispatchWords.NotReturned) outcome.DispatchesNotReturned++;
                else outcome.DispatchesReturned++;
                outcome.PetitionersReturned += m.PetitionersReturned;
                break;
            case MajorEventClosed m:
                (await db.MajorEventFactAsync(m.MajorEventId, ct)).ClosedAt = m.OccurredAt;
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.MajorEventFacts.ExecuteDeleteAsync(ct);
}
