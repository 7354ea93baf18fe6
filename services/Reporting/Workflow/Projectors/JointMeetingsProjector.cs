using Coordination.Contracts.JointMeeting;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Open joint meetings with their missing answers and positions, and their action items, for the meeting report.</summary>
public sealed class JointMeetingsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(JointMeetingConvened), typeof(InvitationAnswered), typeof(PositionSubmitted), typeof(JointMeetingConcluded),
        typeof(ActionItemIssued), typeof(ActionItemReplied), typeof(ActionItemSentBack), typeof(ActionItemAccepted),
    };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case JointMeetingConvened m:
                var convened = await db.MeetingFactAsync(m.MeetingId, ct);
                (convened.CaseId, convened.Parties) = (m.CaseId, [.. m.Parties]);
                break;
            case InvitationAnswered m:
                var answeredTo = await db.MeetingFactAsync(m.MeetingId, ct);
                if (!answeredTo.Answered.Contains(m.Party)) answeredTo.Answered = [.. answeredTo.Answered, m.Party];
                break;
            case PositionSubmitted m:
                var positioned = await db.MeetingFactAsync(m.MeetingId, ct);
                if (!positioned.PositionsIn.Contains(m.Party)) positioned.PositionsIn = [.. positioned.PositionsIn, m.Party];
                break;
            case JointMeetingConcluded m:
                (await db.MeetingFactAsync(m.MeetingId, ct)).Closed = true;
                break;
            case ActionItemIssued m:
                var issued = await db.ActionItemFactAsync(m.ItemId, ct);
                (issued.MeetingId, issued.Owner, issued.DueAt) = (m.MeetingId, m.Owner, m.DueAt);
                break;
            // An accepted item stays accepted whatever arrives after it.
            case ActionItemReplied m:
                var replied = await db.ActionItemFactAsync(m.ItemId, ct);
                if (replied.Status != "accepted") replied.Status = "replied";
                break;
            case ActionItemSentBack m:
                var back = await db.ActionItemFactAsync(m.ItemId, ct);
                if (back.Status != "accepted") back.Status = "sent_back";
                break;
            case ActionItemAccepted m:
                (await db.ActionItemFactAsync(m.ItemId, ct)).Status = "accepted";
                break;
        }
    }

    public async Task ClearAsync(ReportingDb db, CancellationToken ct)
    {
        await db.MeetingFacts.ExecuteDeleteAsync(ct);
        await db.ActionItemFacts.ExecuteDeleteAsync(ct);
    }
}
