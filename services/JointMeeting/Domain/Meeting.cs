namespace Coordination.JointMeeting.Domain;

/// <summary>A joint meeting (联席会议) on a cross-region or cross-department case (§21).</summary>
public sealed class Meeting
{
    /// <summary>Proposed: the bureau has yet to set agenda, time, place and invitations.</summary>
    public const string Proposed = "proposed";

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    /// <summary>The region of the case; the convening bureau's jurisdiction must cover it.</summary>
    public required string RegionCode { get; init; }
    public List<string> RegionCodes { get; init; } = [];
    public required string Reason { get; init; }
    public string Status { get; init; } = Proposed;
    public DateTimeOffset ProposedAt { get; init; }
}
