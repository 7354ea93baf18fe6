namespace Coordination.ServiceDefaults.Attachments;

/// <summary>A stored file's description; its bytes are kept by the <see cref="IAttachmentStore"/>.</summary>
public sealed class StoredAttachment
{
    public Guid Id { get; init; }
    /// <summary><see cref="AttachmentKinds"/>: what the file is to its subject.</summary>
    public required string Kind { get; init; }
    public Guid SubjectId { get; init; }
    /// <summary>The case whose access rules the file follows.</summary>
    public Guid CaseId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public required string UploadedUnit { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
