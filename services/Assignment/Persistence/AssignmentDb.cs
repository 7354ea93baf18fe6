using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Persistence;

public sealed class AssignmentDb(DbContextOptions<AssignmentDb> options) : ServiceDbContext(options)
{
    public DbSet<HandlingCase> Cases => Set<HandlingCase>();
    public DbSet<AssignmentEntity> Assignments => Set<AssignmentEntity>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<HandlingCase>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.CaseNumber).IsUnique();
            e.HasIndex(c => new { c.Status, c.RegionCode });
            e.Property(c => c.CaseNumber).HasMaxLength(32);
            e.Property(c => c.RegionCode).HasMaxLength(6);
            e.Property(c => c.Topic).HasMaxLength(64);
            e.Property(c => c.Status).HasMaxLength(32);
            e.Property(c => c.AccusedUnit).HasMaxLength(64);
            e.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId);
        });
        b.Entity<AssignmentEntity>(e =>
        {
            e.ToTable("assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => new { a.UnitCode, a.Status });
            e.Property(a => a.UnitCode).HasMaxLength(64);
            e.Property(a => a.Kind).HasMaxLength(16);
            e.Property(a => a.RoutedBy).HasMaxLength(64);
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(64);
        });
        b.Entity<RoutingRule>(e =>
        {
            e.ToTable("routing_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.CatalogueVersion).HasMaxLength(16);
            e.Property(r => r.RegionPrefix).HasMaxLength(6);
            e.Property(r => r.Topic).HasMaxLength(64);
            e.Property(r => r.UnitCode).HasMaxLength(64);
            e.Property(r => r.Kind).HasMaxLength(16);
            e.HasData(RoutingSeed.Rules);
        });
    }
}
