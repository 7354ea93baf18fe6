using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Persistence;

public sealed class IntakeDb(DbContextOptions<IntakeDb> options) : ServiceDbContext(options)
{
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<Petition>(e =>
        {
            e.ToTable("petitions");
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.CaseNumber).IsUnique();
            e.HasIndex(p => new { p.ReceivingUnit, p.RequestId }).IsUnique().HasFilter("\"RequestId\" IS NOT NULL");
            e.HasIndex(p => new { p.RegionCode, p.RegisteredAt });
            e.Property(p => p.CaseNumber).HasMaxLength(32);
            e.Property(p => p.RequestId).HasMaxLength(64);
            e.Property(p => p.Channel).HasMaxLength(32);
            e.Property(p => p.RegionCode).HasMaxLength(6);
            e.Property(p => p.Category).HasMaxLength(16);
            e.Property(p => p.Topic).HasMaxLength(64);
            e.Property(p => p.Summary).HasMaxLength(4000);
            e.Property(p => p.ReceivingUnit).HasMaxLength(64);
            e.Property(p => p.Clerk).HasMaxLength(64);
            e.OwnsMany(p => p.Petitioners, o =>
            {
                o.ToTable("petitioners");
                o.WithOwner().HasForeignKey("PetitionId");
                o.Property<int>("Id");
                o.HasKey("Id");
                o.HasIndex(x => x.IdNumberHash);
                o.Property(x => x.Name).HasMaxLength(64);
                o.Property(x => x.IdNumberHash).HasMaxLength(64);
                o.Property(x => x.IdNumberMasked).HasMaxLength(18);
                o.Property(x => x.Phone).HasMaxLength(20);
            });
        });
        b.Entity<CaseNumberCounter>(e =>
        {
            e.ToTable("case_number_counters");
            e.HasKey(c => new { c.RegionCode, c.Year });
            e.Property(c => c.RegionCode).HasColumnName("region_code").HasMaxLength(6);
            e.Property(c => c.Year).HasColumnName("year");
            e.Property(c => c.LastValue).HasColumnName("last_value");
        });
    }
}
