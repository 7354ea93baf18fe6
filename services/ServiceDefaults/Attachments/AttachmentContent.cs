namespace Coordination.ServiceDefaults.Attachments;

/// <summary>A file's bytes in PostgreSQL (bytea), one row per attachment, apart from its description so lists never read them.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; init; }
    public required byte[] Bytes { get; init; }
}
