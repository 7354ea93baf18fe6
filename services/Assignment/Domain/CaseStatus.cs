namespace Coordination.Assignment.Domain;

public static class CaseStatus
{
    public const string Assigned = "assigned";
    public const string AwaitingManualRouting = "awaiting_manual_routing";
    public const string DivertedToLegal = "diverted_to_legal";
    public const string AwaitingJointMeeting = "awaiting_joint_meeting";
}
