using Coordination.Contracts;

namespace Coordination.Reporting.Domain;

/// <summary>A rung of a time limit of any service, as the overdue list needs it. Rungs of older messages carry no deadline id.</summary>
public sealed record DeadlineRung(RungKind Kind, string Track, Guid? DeadlineId, Guid CaseId, Guid? AssignmentId, string Step, string Unit,
    DateTimeOffset DueAt, DateTimeOffset At)
{
    /// <summary>Any service's rung; the track is the publishing service (the contract's namespace).</summary>
    public static DeadlineRung From(IDeadlineRung rung)
    {
        var track = TrackOf(rung.GetType());
        var kind = rung.Rung switch
        {
            DeadlineRungKind.Approaching => RungKind.Reminded,
            DeadlineRungKind.Missed => RungKind.Missed,
            DeadlineRungKind.Supervision => RungKind.Supervised,
            _ => RungKind.Cleared,
        };
        // Only a hand-over is a subject the overdue list shows; referrals and meetings are named by the unit.
        return new(kind, track, rung.DeadlineId, rung.CaseId, track == "assignment" ? rung.SubjectId : null, rung.Step, rung.UnitCode,
            rung.DueAt, rung.OccurredAt);
    }

    private static string TrackOf(Type type) => type.Namespace switch
    {
        "Coordination.Contracts.Assignment" => "assignment",
        "Coordination.Contracts.LegalDiversion" => "legal",
        "Coordination.Contracts.JointMeeting" => "meeting",
        var other => throw new ArgumentOutOfRangeException(nameof(type), other, "a deadline rung of an unknown service"),
    };
}
