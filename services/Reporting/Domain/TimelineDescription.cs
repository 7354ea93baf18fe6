using System.Reflection;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;

namespace Coordination.Reporting.Domain;

/// <summary>
/// Words one case event as its timeline entry. Live consumption and the rebuild from the event log use this same
/// code, so a rebuilt timeline reads as the live one did.
/// </summary>
public static class TimelineDescription
{
    private static readonly HashSet<string> Framed = ["CaseId", "OccurredAt", "Actor", "ActorUnit", "AssignmentId", "DeadlineId"];

    public static TimelineEntry EntryFor(Guid messageId, Guid caseId, DateTimeOffset at, object message)
    {
        var (service, actor, unit, detail) = Describe(message);
        return new TimelineEntry
        {
            CaseId = caseId, MessageId = messageId, Kind = message.GetType().Name, Service = service, OccurredAt = at, Actor = actor, Unit = unit,
            Detail = detail.Length <= 1000 ? detail : detail[..997] + "...",
        };
    }

    /// <summary>Service, actor, unit and detail: worded for the first hand-overs, the event's own fields for the rest.</summary>
    private static (string Service, string Actor, string Unit, string Detail) Describe(object message) => message switch
    {
        PetitionRegistered m => ("intake", m.Clerk, m.ReceivingUnit,
            $"{m.CaseNumber}: {m.Channel}, {m.Category}, topic {m.Topic}, region {m.RegionCode}, {m.PetitionerCount} petitioner(s)"),
        PetitionLinkedAsRepeat m => ("intake", m.Clerk, m.ReceivingUnit,
            $"repeat petition {m.RegistrationId} ({m.Channel}, {m.GroupSize} people) linked; similarity {m.Similarity:0.00}"),
        PetitionNotAccepted m => ("intake", m.Clerk, m.ReceivingUnit,
            $"{m.CaseNumber}: not accepted ({m.ReasonCode}){(m.PendingCaseId is { } pending ? $"; pending as case {pending}" : "")}"),
        CaseAssigned m => ("assignment", m.RoutedBy, m.UnitCode, $"{m.Kind} to {m.UnitCode}; acknowledge by {m.AcknowledgeDueAt:u}"),
        AssignmentAcknowledged m => ("assignment", m.Actor, m.UnitCode, $"acknowledged by {m.UnitCode}"),
        CaseQueuedForManualRouting m => ("assignment", "routing-catalogue", "", $"no rule for region {m.RegionCode}, topic {m.Topic}"),
        LegalDiversionRequested => ("assignment", "routing-catalogue", "", "law-related: diverted to legal channels"),
        JointMeetingRequested m => ("assignment", "routing-catalogue", "", $"{m.Reason}: regions {string.Join(", ", m.RegionCodes)}"),
        // Worded as before the answer travelled with it: the answer is not logged (LoggedFields), so a rebuild reads alike.
        ReplySubmitted m => ("assignment", m.Actor, m.ActorUnit ?? "", $"Outcome: {m.Outcome}; ReviewWindowEndsAt: {m.ReviewWindowEndsAt:u}"),
        // The petitioner's own actions (Intake's self-service) are theirs on the timeline, not a clerk's.
        SatisfactionRated { ByPetitioner: true } m => ("assignment", "petitioner", "",
            $"rated by the petitioner: {m.Rating}{(m.Reason is { Length: > 0 } reason ? $"; reason: {reason}" : "")}"),
        ReviewRequested { ByPetitioner: true } m => ("assignment", "petitioner", "",
            $"{m.Stage} asked for by the petitioner: {m.Reasons}; decide by {m.DecideBy:u}"),
        PetitionerRequestRefused m => ("assignment", "petitioner", "", $"the petitioner's {m.Request} was not recorded: {m.Rule}"),
        // Major events (§11) and accountability (§5, §9): their lists worded, not printed as types.
        MajorEventOpened m => ("assignment", m.Actor, m.Unit, $"major event {m.MajorEventId} ({m.Kind}): {m.Title}; first report due {m.FirstReportDueAt:u}"
            + (m.EarlyWarningId is { } warning ? $"; from early warning {warning}" : "")),
        MajorEventReported m => ("assignment", m.Actor, "", (m.Sequence == 1 ? "first report" : $"follow-up {m.Sequence - 1}")
            + $" to {string.Join(", ", m.Levels)}{(m.Late ? " (late)" : "")}: {m.Content}"),
        ReturnTeamDispatched m => ("assignment", m.Actor, m.FromUnit,
            $"return team {m.DispatchId} to {m.Destination} from {m.FromUnit}: {string.Join(", ", m.People)}; departs {m.DepartAt:u}"),
        AccountabilityFileOpened m => ("assignment", "accountability-rules", m.Unit,
            $"accountability file {m.FileId} ({m.Rule}): unit {m.Unit}, person {m.Person}; evidence: {string.Join(" | ", m.Evidence)}"),
        LegalReferralOpened m => ("legal-diversion", "", "", $"referral {m.ReferralId} opened"),
        JointMeetingProposed m => ("joint-meeting", "", "", $"meeting {m.MeetingId} proposed"),
        _ => (ServiceOf(message.GetType()), Read(message, "Actor") ?? "", Read(message, "ActorUnit") ?? Read(message, "UnitCode") ?? "", Fields(message)),
    };

    /// <summary>The publishing service, from the contract's namespace (the namespace is the wire identity).</summary>
    private static string ServiceOf(Type type) => type.Namespace?.Split('.')[^1] switch
    {
        "LegalDiversion" => "legal-diversion",
        "JointMeeting" => "joint-meeting",
        var name => name?.ToLowerInvariant() ?? "",
    };

    private static string? Read(object message, string property) => message.GetType().GetProperty(property)?.GetValue(message)?.ToString();

    private static string Fields(object message) => string.Join("; ", message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => !Framed.Contains(p.Name))
        .Select(p => $"{p.Name}: {Format(p.GetValue(message))}"));

    private static string Format(object? value) => value switch
    {
        DateTimeOffset at => at.ToString("u"),
        null => "",
        _ => value.ToString() ?? "",
    };
}
