using Coordination.Contracts;
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
            e.Property(r => r.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(r => r.TraceParent).HasMaxLength(128);
            e.Property(r => r.AccusedUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(r => r.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(r => r.Topic).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(32);
            e.Property(r => r.Channel).HasMaxLength(FieldLimits.LegalChannel);
            e.Property(r => r.InstitutionCode).HasMaxLength(FieldLimits.UnitCode);
            e.Property(r => r.DeclineReasons).HasMaxLength(FieldLimits.ReferralDeclineReasons);
            e.Property(r => r.LastUpdate).HasMaxLength(32);
            e.Property(r => r.OutcomeNote).HasMaxLength(FieldLimits.ReferralNote);
        });
        b.Entity<Institution>(e =>
        {
            e.ToTable("institutions");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasMaxLength(FieldLimits.UnitCode);
            e.Property(i => i.Name).HasMaxLength(FieldLimits.InstitutionName);
            e.Property(i => i.Channel).HasMaxLength(FieldLimits.LegalChannel);
            e.Property(i => i.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.HasData(InstitutionSeed.Institutions);
        });
        b.Entity<SupervisionOrder>(e =>
        {
            e.ToTable("supervision_orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasIndex(o => o.ReferralId);
            e.HasIndex(o => o.AddresseeCode);
            e.Property(o => o.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(o => o.IssuedBy).HasMaxLength(64);
            e.Property(o => o.AddresseeCode).HasMaxLength(FieldLimits.UnitCode);
            e.Property(o => o.Content).HasMaxLength(FieldLimits.SupervisionContent);
            e.Property(o => o.Status).HasMaxLength(16);
            e.Property(o => o.Reply).HasMaxLength(FieldLimits.SupervisionReply);
        });
        b.Entity<LegalAdviceRecord>(e =>
        {
            e.ToTable("legal_advice");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.CaseId);
            e.Property(a => a.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(a => a.Lawyer).HasMaxLength(FieldLimits.Lawyer);
            e.Property(a => a.Firm).HasMaxLength(FieldLimits.LawFirm);
            e.Property(a => a.Advice).HasMaxLength(FieldLimits.LegalAdvice);
            e.Property(a => a.RecordedBy).HasMaxLength(64);
        });
        b.MapDeadlines();
    }
}
