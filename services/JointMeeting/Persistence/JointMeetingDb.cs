using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

public sealed class JointMeetingDb(DbContextOptions<JointMeetingDb> options) : ServiceDbContext(options)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.MapDeadlines();
        b.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Owner).HasMaxLength(64);
            e.Property(i => i.Task).HasMaxLength(2000);
            e.Property(i => i.Status).HasMaxLength(16);
            e.Property(i => i.Reply).HasMaxLength(4000);
            e.Property(i => i.Evidence).HasMaxLength(2000);
            e.Property(i => i.SendBackReason).HasMaxLength(2000);
        });
        b.Entity<Meeting>(e =>
    {
        e.ToTable("meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.HasIndex(m => m.CaseId);
        e.HasIndex(m => new { m.RegionCode, m.Status });
        e.Property(m => m.CaseNumber).HasMaxLength(32);
        e.Property(m => m.RegionCode).HasMaxLength(6);
        e.Property(m => m.Reason).HasMaxLength(200);
        e.Property(m => m.Status).HasMaxLength(32);
        e.Property(m => m.Agenda).HasMaxLength(2000);
        e.Property(m => m.ConvenerUnit).HasMaxLength(64);
        e.Property(m => m.Place).HasMaxLength(200);
        e.Property(m => m.Minutes).HasMaxLength(8000);
        e.Property(m => m.Resolution).HasMaxLength(4000);
        e.Property(m => m.LeadUnit).HasMaxLength(64);
        e.Property(m => m.AccusedUnits).HasDefaultValueSql("'{}'::text[]");
        e.HasMany(m => m.ActionItems).WithOne().HasForeignKey(i => i.MeetingId);
        e.OwnsMany(m => m.Parties, o =>
        {
            o.ToTable("meeting_parties");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey(p => p.Id);
            o.HasIndex(p => p.Code);
            o.Property(p => p.Code).HasMaxLength(64);
            o.Property(p => p.Response).HasMaxLength(16);
            o.Property(p => p.DeclineReason).HasMaxLength(2000);
            o.Property(p => p.Delegate).HasMaxLength(64);
            o.Property(p => p.Position).HasMaxLength(8000);
            o.Property(p => p.HandlingStatus).HasMaxLength(2000);
        });
    });
    }
}
