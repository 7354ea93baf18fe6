using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Attachments;

public static class AttachmentModel
{
    /// <summary>The attachments and attachment_contents tables, for a service that keeps files.</summary>
    public static void MapAttachments(this ModelBuilder b)
    {
        b.Entity<StoredAttachment>(e =>
        {
            e.ToTable("attachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CaseId, x.UploadedAt });
            e.HasIndex(x => x.SubjectId);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.FileName).HasMaxLength(AttachmentLimits.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(64);
            e.Property(x => x.UploadedUnit).HasMaxLength(64);
        });
        b.Entity<AttachmentContent>(e =>
        {
            e.ToTable("attachment_contents");
            e.HasKey(x => x.AttachmentId);
            e.HasOne<StoredAttachment>().WithOne().HasForeignKey<AttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
