namespace Coordination.ServiceDefaults.Attachments;

public static class AttachmentKinds
{
    public const string ReplyEvidence = "reply_evidence", ActionItemProof = "action_item_proof", MeetingMinutes = "meeting_minutes";
}
