using Coordination.Reporting.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Persistence;

public sealed class ReportingDb(DbContextOptions<ReportingDb> options) : ServiceDbContext(options)
{
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<CaseScope> CaseScopes => Set<CaseScope>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<TimelineEntry>(e =>
        {
            e.ToTable("timeline_entries");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).UseIdentityAlwaysColumn();
            e.HasIndex(t => new { t.CaseId, t.OccurredAt });
            e.HasIndex(t => t.MessageId).IsUnique();
            e.Property(t => t.Kind).HasMaxLength(64);
            e.Property(t => t.Service).HasMaxLength(32);
            e.Property(t => t.Actor).HasMaxLength(64);
            e.Property(t => t.Unit).HasMaxLength(64);
            e.Property(t => t.Detail).HasMaxLength(1000);
        });
        b.Entity<CaseScope>(e =>
        {
            e.ToTable("case_scopes");
            e.HasKey(c => c.CaseId);
            e.Property(c => c.CaseNumber).HasMaxLength(32);
            e.Property(c => c.RegionCode).HasMaxLength(6);
        });
    }
}
