using Coordination.ServiceDefaults.Attachments;
using Coordination.Contracts;
using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

public sealed class JointMeetingDb(DbContextOptions<JointMeetingDb> options) : ServiceDbContext(options)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<StoredAttachment> Attachments => Set<StoredAttachment>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.MapAttachments();
        b.MapDeadlines();
        b.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Owner).HasMaxLength(FieldLimits.UnitCode);
            e.Property(i => i.Task).HasMaxLength(FieldLimits.ActionItemTask);
            e.Property(i => i.Status).HasMaxLength(16);
            e.Property(i => i.Reply).HasMaxLength(FieldLimits.ActionItemReply);
            e.Property(i => i.Evidence).HasMaxLength(FieldLimits.ActionItemEvidence);
            e.Property(i => i.SendBackReason).HasMaxLength(FieldLimits.ActionItemSendBackReason);
        });
        b.Entity<Meeting>(e =>
    {
        e.ToTable("meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.HasIndex(m => m.CaseId);
        e.HasIndex(m => new { m.RegionCode, m.Status });
        e.Property(m => m.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
        e.Property(m => m.TraceParent).HasMaxLength(128);
        e.Property(m => m.RegionCode).HasMaxLength(FieldLimits.RegionCode);
        e.Property(m => m.Reason).HasMaxLength(FieldLimits.MeetingReasonStored);
        e.Property(m => m.Status).HasMaxLength(32);
        e.Property(m => m.Agenda).HasMaxLength(FieldLimits.MeetingAgenda);
        e.Property(m => m.ConvenerUnit).HasMaxLength(FieldLimits.UnitCode);
        e.Property(m => m.Place).HasMaxLength(FieldLimits.MeetingPlace);
        e.Property(m => m.Minutes).HasMaxLength(FieldLimits.MeetingMinutes);
        e.Property(m => m.Resolution).HasMaxLength(FieldLimits.MeetingResolution);
        e.Property(m => m.LeadUnit).HasMaxLength(FieldLimits.UnitCode);
        e.Property(m => m.AccusedUnits).HasDefaultValueSql("'{}'::text[]");
        e.HasMany(m => m.ActionItems).WithOne().HasForeignKey(i => i.MeetingId);
        e.OwnsMany(m => m.Parties, o =>
        {
            o.ToTable("meeting_parties");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey(p => p.Id);
            o.HasIndex(p => p.Code);
            o.Property(p => p.Code).HasMaxLength(FieldLimits.UnitCode);
            o.Property(p => p.Response).HasMaxLength(16);
            o.Property(p => p.DeclineReason).HasMaxLength(FieldLimits.MeetingDeclineReason);
            o.Property(p => p.Delegate).HasMaxLength(FieldLimits.MeetingDelegate);
            o.Property(p => p.Position).HasMaxLength(FieldLimits.MeetingPosition);
            o.Property(p => p.HandlingStatus).HasMaxLength(FieldLimits.MeetingHandlingStatus);
        });
    });
    }
}
