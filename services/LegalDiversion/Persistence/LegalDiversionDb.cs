using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

public sealed class LegalDiversionDb(DbContextOptions<LegalDiversionDb> options) : ServiceDbContext(options)
{
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<SupervisionOrder> SupervisionOrders => Set<SupervisionOrder>();
    public DbSet<LegalAdviceRecord> LegalAdvice => Set<LegalAdviceRecord>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<Referral>(e =>
        {
            e.ToTable("referrals");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => r.CaseId);
            e.HasIndex(r => new { r.RegionCode, r.Status });
            e.HasIndex(r => r.InstitutionCode);
            e.Property(r => r.CaseNumber).HasMaxLength(32);
            e.Property(r => r.AccusedUnit).HasMaxLength(64);
            e.Property(r => r.RegionCode).HasMaxLength(6);
            e.Property(r => r.Topic).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(32);
            e.Property(r => r.Channel).HasMaxLength(40);
            e.Property(r => r.InstitutionCode).HasMaxLength(64);
            e.Property(r => r.DeclineReasons).HasMaxLength(2000);
            e.Property(r => r.LastUpdate).HasMaxLength(32);
            e.Property(r => r.OutcomeNote).HasMaxLength(2000);
        });
        b.Entity<Institution>(e =>
        {
            e.ToTable("institutions");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasMaxLength(64);
            e.Property(i => i.Name).HasMaxLength(100);
            e.Property(i => i.Channel).HasMaxLength(40);
            e.Property(i => i.RegionCode).HasMaxLength(6);
            e.HasData(InstitutionSeed.Institutions);
        });
        b.Entity<SupervisionOrder>(e =>
        {
            e.ToTable("supervision_orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasIndex(o => o.ReferralId);
            e.HasIndex(o => o.AddresseeCode);
            e.Property(o => o.RegionCode).HasMaxLength(6);
            e.Property(o => o.IssuedBy).HasMaxLength(64);
            e.Property(o => o.AddresseeCode).HasMaxLength(64);
            e.Property(o => o.Content).HasMaxLength(2000);
            e.Property(o => o.Status).HasMaxLength(16);
            e.Property(o => o.Reply).HasMaxLength(2000);
        });
        b.Entity<LegalAdviceRecord>(e =>
        {
            e.ToTable("legal_advice");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.CaseId);
            e.Property(a => a.RegionCode).HasMaxLength(6);
            e.Property(a => a.Lawyer).HasMaxLength(64);
            e.Property(a => a.Firm).HasMaxLength(100);
            e.Property(a => a.Advice).HasMaxLength(4000);
            e.Property(a => a.RecordedBy).HasMaxLength(64);
        });
        b.MapDeadlines();
    }
}
