using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Attachments;

/// <summary>Attachments' bytes as bytea rows in the service's own database, in the same transaction as their description.</summary>
public sealed class PostgresAttachmentStore<TDb>(TDb db) : IAttachmentStore where TDb : ServiceDbContext
{
    public void Put(Guid attachmentId, byte[] bytes) => db.Set<AttachmentContent>().Add(new AttachmentContent { AttachmentId = attachmentId, Bytes = bytes });

    public async Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken ct) =>
        await db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
}
