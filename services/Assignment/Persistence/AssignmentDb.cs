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
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();
    public DbSet<CaseOwnership> Ownerships => Set<CaseOwnership>();
    public DbSet<OwnershipNote> OwnershipNotes => Set<OwnershipNote>();
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
            e.Property(c => c.TraceParent).HasMaxLength(128);
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
                             "RehandlingDays", "ReviewRequestDays", "ReviewDecisionDays", "SupervisionWorkingDays", "SuggestionEvaluationWorkingDays",
                             "OwnershipProgressWorkingDays" })
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
        MapSuggestionsAndOwnership(b);
    }

    private static void MapSuggestionsAndOwnership(ModelBuilder b)
    {
        b.Entity<Suggestion>(e =>
        {
            e.ToTable("suggestions");
            e.HasKey(s => s.CaseId);
            e.Property(s => s.CaseId).ValueGeneratedNever();
            e.HasIndex(s => new { s.RegionCode, s.ReceivedAt });
            e.HasIndex(s => new { s.UnitCode, s.ReceivedAt });
            e.Property(s => s.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(s => s.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(s => s.Topic).HasMaxLength(FieldLimits.Topic);
            e.Property(s => s.Summary).HasMaxLength(FieldLimits.PetitionSummary);
            e.Property(s => s.Channel).HasMaxLength(32);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.UnitCode).HasMaxLength(FieldLimits.UnitCode);
            e.Property(s => s.Outcome).HasMaxLength(16);
            e.Property(s => s.Reasons).HasMaxLength(FieldLimits.SuggestionReasons);
            e.Property(s => s.EvaluatedBy).HasMaxLength(FieldLimits.Login);
            e.Property(s => s.Commendation).HasMaxLength(FieldLimits.SuggestionCommendation);
        });
        b.Entity<CaseOwnership>(e =>
        {
            e.ToTable("case_ownerships", t => t.HasCheckConstraint("ck_case_ownerships_every", "\"ProgressEveryWorkingDays\" >= 1"));
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasIndex(o => o.CaseId).IsUnique(); // one owner a case
            e.HasIndex(o => new { o.Leader, o.NextProgressDueAt });
            e.HasIndex(o => new { o.RegionCode, o.NextProgressDueAt });
            e.Property(o => o.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(o => o.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(o => o.Topic).HasMaxLength(FieldLimits.Topic);
            e.Property(o => o.Leader).HasMaxLength(FieldLimits.Login);
            e.Property(o => o.LeaderName).HasMaxLength(FieldLimits.LeaderName + FieldLimits.LeaderTitle + 2);
            e.Property(o => o.LeaderUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(o => o.Plan).HasMaxLength(FieldLimits.OwnershipPlan);
            e.Property(o => o.LastNote).HasMaxLength(FieldLimits.OwnershipProgressNote);
        });
        b.Entity<OwnershipNote>(e =>
        {
            e.ToTable("ownership_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.HasIndex(n => new { n.OwnershipId, n.RecordedAt });
            e.Property(n => n.Note).HasMaxLength(FieldLimits.OwnershipProgressNote);
            e.Property(n => n.RecordedBy).HasMaxLength(FieldLimits.Login);
        });
    }
}
