namespace Coordination.ServiceDefaults.Attachments;

/// <summary>An upload read whole and checked: what it says it is, its bytes and their SHA-256 (lower-case hex).</summary>
public sealed record ReceivedFile(Guid SubjectId, string FileName, string ContentType, byte[] Bytes, string Sha256);
