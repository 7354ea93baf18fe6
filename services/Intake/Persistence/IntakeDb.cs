using Coordination.Contracts;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Persistence;

public sealed class IntakeDb(DbContextOptions<IntakeDb> options) : ServiceDbContext(options)
{
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<IdentityCounter> IdentityCounters => Set<IdentityCounter>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<ReceptionDay> ReceptionDays => Set<ReceptionDay>();
    public DbSet<CaseProgress> CaseProgress => Set<CaseProgress>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<Petition>(e =>
        {
            e.ToTable("petitions");
            e.HasKey(p => p.Id);
            // Room in each page for the petition's next version: its status and assigned units change soon after it is
            // written (the first CaseAssigned), and with the new version on the same page PostgreSQL touches none of its
            // seven indexes (a HOT update; issue 15).
            e.HasStorageParameter("fillfactor", 80);
            // A repeat carries the number of the case it joined; every other registration has its own.
            e.HasIndex(p => p.CaseNumber).IsUnique().HasFilter("\"Outcome\" <> 'repeat'");
            e.HasIndex(p => new { p.ReceivingUnit, p.RequestId }).IsUnique().HasFilter("\"RequestId\" IS NOT NULL");
            e.HasIndex(p => p.QueryCode).IsUnique();
            e.Property(p => p.TraceParent).HasMaxLength(128);
            e.HasIndex(p => new { p.RegionCode, p.RegisteredAt });
            e.HasIndex(p => new { p.RegisteredAt, p.Id });
            e.HasIndex(p => p.ReceptionDayId);
            e.Property(p => p.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(p => p.RequestId).HasMaxLength(FieldLimits.RequestId);
            e.Property(p => p.Channel).HasMaxLength(32);
            e.Property(p => p.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(p => p.Category).HasMaxLength(16);
            e.Property(p => p.Topic).HasMaxLength(FieldLimits.Topic);
            e.Property(p => p.Summary).HasMaxLength(FieldLimits.PetitionSummary);
            e.Property(p => p.MatterText).HasMaxLength(FieldLimits.PetitionSummary);
            e.Property(p => p.AccusedUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(p => p.ReceivingUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(p => p.Clerk).HasMaxLength(64);
            e.Property(p => p.Outcome).HasMaxLength(16);
            e.Property(p => p.Status).HasMaxLength(16);
            e.Property(p => p.NotAcceptedReason).HasMaxLength(64);
            e.Property(p => p.Notice).HasMaxLength(1000);
            e.Property(p => p.MatchExplanation).HasMaxLength(500);
            e.Property(p => p.QueryCode).HasMaxLength(16);
            e.Property(p => p.QueryPin).HasMaxLength(4);
            e.Property(p => p.ClosedOutcome).HasMaxLength(32);
            e.OwnsMany(p => p.Petitioners, o =>
            {
                o.ToTable("petitioners");
                o.WithOwner().HasForeignKey("PetitionId");
                o.Property<int>("Id");
                o.HasKey("Id");
                o.HasIndex(x => x.IdNumberHash);
                o.Property(x => x.Name).HasMaxLength(FieldLimits.PetitionerName);
                o.Property(x => x.IdNumberHash).HasMaxLength(64);
                o.Property(x => x.IdNumberMasked).HasMaxLength(18);
                o.Property(x => x.Phone).HasMaxLength(20);
            });
            e.Property(p => p.Attachments).HasJsonColumn();
        });
        b.Entity<CaseProgress>(e =>
        {
            e.ToTable("case_progress");
            e.HasKey(p => p.CaseId);
            e.Property(p => p.CaseId).ValueGeneratedNever();
            e.Property(p => p.Answer).HasMaxLength(FieldLimits.ReportAnswer);
            e.Property(p => p.Rating).HasMaxLength(32);
            e.Property(p => p.RatingReason).HasMaxLength(FieldLimits.RatingReason);
            e.Property(p => p.ReviewStage).HasMaxLength(16);
            e.Property(p => p.ReviewDecision).HasMaxLength(16);
            e.Property(p => p.ReviewAnswer).HasMaxLength(FieldLimits.ReviewAnswer);
            e.Property(p => p.SuggestionOutcome).HasMaxLength(16);
            e.Property(p => p.SuggestionReasons).HasMaxLength(FieldLimits.SuggestionReasons);
            e.Property(p => p.Commendation).HasMaxLength(FieldLimits.SuggestionCommendation);
            e.Property(p => p.Refusal).HasMaxLength(200);
            e.Property(p => p.Holders).HasJsonColumn();
        });
        b.Entity<CaseNumberCounter>(e =>
        {
            e.ToTable("case_number_counters");
            e.HasKey(c => new { c.RegionCode, c.Year });
            e.Property(c => c.RegionCode).HasColumnName("region_code").HasMaxLength(6);
            e.Property(c => c.Year).HasColumnName("year");
            e.Property(c => c.LastValue).HasColumnName("last_value");
        });
        b.Entity<IdentityCounter>(e =>
        {
            e.ToTable("identity_counters");
            e.HasKey(c => c.IdentityHash);
            e.Property(c => c.IdentityHash).HasColumnName("identity_hash").HasMaxLength(64);
            e.Property(c => c.Cases).HasColumnName("cases");
        });
        b.Entity<Topic>(e =>
        {
            e.ToTable("topics");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(64);
            e.HasData(TopicSeed.Topics);
        });
        b.Entity<ReceptionDay>(e =>
        {
            e.ToTable("reception_days");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.RegionCode, r.Date });
            e.Property(r => r.LeaderName).HasMaxLength(FieldLimits.LeaderName);
            e.Property(r => r.LeaderTitle).HasMaxLength(FieldLimits.LeaderTitle);
            e.Property(r => r.Level).HasMaxLength(32);
            e.Property(r => r.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(r => r.Place).HasMaxLength(FieldLimits.ReceptionPlace);
            e.Property(r => r.ScheduledBy).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(16);
        });
    }
}
