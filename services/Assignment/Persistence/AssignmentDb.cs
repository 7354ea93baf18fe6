using Coordination.ServiceDefaults.Attachments;
using Coordination.Contracts;
using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Persistence;

public sealed class AssignmentDb(DbContextOptions<AssignmentDb> options) : ServiceDbContext(options)
{
    public DbSet<HandlingCase> Cases => Set<HandlingCase>();
    public DbSet<StoredAttachment> Attachments => Set<StoredAttachment>();
    public DbSet<AssignmentEntity> Assignments => Set<AssignmentEntity>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<RuleSet> RuleSets => Set<RuleSet>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<MajorEvent> MajorEvents => Set<MajorEvent>();
    public DbSet<EarlyWarning> EarlyWarnings => Set<EarlyWarning>();
    public DbSet<AccountabilityFile> AccountabilityFiles => Set<AccountabilityFile>();
    public DbSet<AccountabilityRule> AccountabilityRules => Set<AccountabilityRule>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.MapAttachments();
        b.Entity<HandlingCase>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.CaseNumber).IsUnique();
            e.HasIndex(c => new { c.Status, c.RegionCode });
            e.Property(c => c.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(c => c.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(c => c.Topic).HasMaxLength(FieldLimits.Topic);
            e.Property(c => c.Status).HasMaxLength(32);
            e.Property(c => c.AccusedUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(c => c.RuleSetVersion).HasMaxLength(16);
            e.Property(c => c.Outcome).HasMaxLength(32);
            e.Property(c => c.Answer).HasMaxLength(FieldLimits.ReviewAnswer);
            e.Property(c => c.Rating).HasMaxLength(32);
            e.Property(c => c.ReviewDecision).HasMaxLength(32);
            e.Property(c => c.ResponsibleUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(c => c.ResponsibleGroup).HasMaxLength(FieldLimits.ResponsibleName);
            e.Property(c => c.ResponsibleLeader).HasMaxLength(FieldLimits.ResponsibleName);
            e.Property(c => c.ResponsiblePerson).HasMaxLength(FieldLimits.ResponsibleName);
            e.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId);
        });
        b.Entity<AssignmentEntity>(e =>
        {
            e.ToTable("assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => new { a.UnitCode, a.Status });
            e.Property(a => a.UnitCode).HasMaxLength(FieldLimits.UnitCode);
            e.Property(a => a.Kind).HasMaxLength(16);
            e.Property(a => a.RoutedBy).HasMaxLength(64);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(64);
            e.Property(a => a.Status).HasMaxLength(32);
            e.Property(a => a.ReturnReasons).HasMaxLength(FieldLimits.ReturnReasons);
            e.Property(a => a.StatusBeforeReturn).HasMaxLength(32);
            e.Property(a => a.ExtensionReason).HasMaxLength(FieldLimits.ExtensionReason);
            e.Property(a => a.ExtensionStatus).HasMaxLength(16);
            e.Property(a => a.ReportOutcome).HasMaxLength(32);
            e.Property(a => a.ReportAnswer).HasMaxLength(FieldLimits.ReportAnswer);
            e.Property(a => a.SignedOffBy).HasMaxLength(64);
            e.Property(a => a.SendBackReasons).HasMaxLength(FieldLimits.SendBackReasons);
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
        b.Entity<RuleSet>(e =>
        {
            // No limit of zero days or less, however the row is written (a 0-day limit broke routing).
            e.ToTable("rule_sets", t =>
            {
                foreach (var column in new[] { "AcknowledgeWorkingDays", "AcceptNoticeDays", "ObjectionWorkingDays", "HandlingDays", "MaxExtensionDays",
                             "RehandlingDays", "ReviewRequestDays", "ReviewDecisionDays", "SupervisionWorkingDays" })
                    t.HasCheckConstraint($"ck_rule_sets_{column}", $"\"{column}\" >= 1");
                t.HasCheckConstraint("ck_rule_sets_ReturnCap", "\"ReturnCap\" >= 0");
                t.HasCheckConstraint("ck_rule_sets_ReminderFraction", "\"ReminderFraction\" > 0 AND \"ReminderFraction\" < 1");
            });
            e.HasKey(r => r.Version);
            e.Property(r => r.Version).HasMaxLength(FieldLimits.RuleSetVersion);
            e.Property(r => r.SavedBy).HasMaxLength(FieldLimits.Login);
            e.HasData(CalendarSeed.RuleSets);
        });
        b.MapDeadlines();
        b.MapMajorEventsAndAccountability();
    }
}
