namespace Coordination.ServiceDefaults.Attachments;

/// <summary>
/// Where attachments' bytes live (ADR 24): PostgreSQL today (<see cref="PostgresAttachmentStore{TDb}"/>); a file store under
/// the data folder would be another implementation. Put joins the caller's unit of work: the bytes are stored when the
/// description commits, or not at all.
/// </summary>
public interface IAttachmentStore
{
    void Put(Guid attachmentId, byte[] bytes);

    Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken ct);
}
