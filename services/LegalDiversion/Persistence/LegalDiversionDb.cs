using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

public sealed class LegalDiversionDb(DbContextOptions<LegalDiversionDb> options) : ServiceDbContext(options)
{
    public DbSet<Referral> Referrals => Set<Referral>();

    protected override void OnServiceModelCreating(ModelBuilder b) => b.Entity<Referral>(e =>
    {
        e.ToTable("referrals");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.HasIndex(r => r.CaseId);
        e.HasIndex(r => new { r.RegionCode, r.Status });
        e.Property(r => r.CaseNumber).HasMaxLength(32);
        e.Property(r => r.RegionCode).HasMaxLength(6);
        e.Property(r => r.Topic).HasMaxLength(64);
        e.Property(r => r.Status).HasMaxLength(32);
    });
}
