namespace Coordination.Intake.Domain;

/// <summary>An attachment's metadata; the content lives in document storage, identified by its hash.</summary>
public sealed class AttachmentRecord
{
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
}
