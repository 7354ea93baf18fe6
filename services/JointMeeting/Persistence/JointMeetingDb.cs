using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

public sealed class JointMeetingDb(DbContextOptions<JointMeetingDb> options) : ServiceDbContext(options)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();

    protected override void OnServiceModelCreating(ModelBuilder b) => b.Entity<Meeting>(e =>
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
    });
}
