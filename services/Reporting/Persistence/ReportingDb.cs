using Coordination.Reporting.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Persistence;

public sealed class ReportingDb(DbContextOptions<ReportingDb> options) : ServiceDbContext(options)
{
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<CaseScope> CaseScopes => Set<CaseScope>();
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();
    public DbSet<CaseFact> CaseFacts => Set<CaseFact>();
    public DbSet<BeijingPetition> BeijingPetitions => Set<BeijingPetition>();
    public DbSet<EarlyWarning> EarlyWarnings => Set<EarlyWarning>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<ReceptionSession> ReceptionSessions => Set<ReceptionSession>();
    public DbSet<MajorEventFact> MajorEventFacts => Set<MajorEventFact>();
    public DbSet<MeetingFact> MeetingFacts => Set<MeetingFact>();
    public DbSet<ActionItemFact> ActionItemFacts => Set<ActionItemFact>();
    public DbSet<OverdueDeadline> OverdueDeadlines => Set<OverdueDeadline>();
    public DbSet<LegalReferralFact> LegalReferrals => Set<LegalReferralFact>();
    public DbSet<LiveCounter> LiveCounters => Set<LiveCounter>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SuggestionFact> SuggestionFacts => Set<SuggestionFact>();

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
        b.Entity<EventLogEntry>(e =>
        {
            e.ToTable("event_log");
            e.HasKey(x => x.MessageId);
            e.HasIndex(x => x.OccurredAt);
            e.Property(x => x.MessageType).HasMaxLength(300);
        });
        b.Entity<CaseFact>(e =>
        {
            e.ToTable("case_facts");
            e.HasKey(x => x.CaseId);
            e.HasIndex(x => new { x.RegionCode, x.RegisteredAt });
            e.Property(x => x.CaseNumber).HasMaxLength(32);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Outcome).HasMaxLength(32);
            e.Property(x => x.Topic).HasMaxLength(64);
            e.HasIndex(x => new { x.Topic, x.RegisteredAt });
            e.Property(x => x.Rating).HasMaxLength(32);
            e.Property(x => x.ResponsiblePerson).HasMaxLength(64);
            e.Property(x => x.ResponsibleUnit).HasMaxLength(64);
        });
        b.Entity<MeetingFact>(e =>
        {
            e.ToTable("meeting_facts");
            e.HasKey(x => x.MeetingId);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<ActionItemFact>(e =>
        {
            e.ToTable("action_item_facts");
            e.HasKey(x => x.ItemId);
            e.HasIndex(x => x.MeetingId);
            e.Property(x => x.Owner).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
        });
        b.Entity<OverdueDeadline>(e =>
        {
            e.ToTable("overdue_deadlines");
            e.HasKey(x => x.DeadlineId);
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => x.LastMissedAt);
            e.Ignore(x => x.Overdue);
            e.Property(x => x.Step).HasMaxLength(32);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.Property(x => x.Track).HasMaxLength(16);
        });
        b.Entity<LiveCounter>(e =>
        {
            e.ToTable("live_counters");
            e.HasKey(x => new { x.Day, x.RegionCode });
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Ignore(x => x.Values);
        });
        b.Entity<LegalReferralFact>(e =>
        {
            e.ToTable("legal_referrals");
            e.HasKey(x => x.ReferralId);
            e.HasIndex(x => x.RegionCode);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Channel).HasMaxLength(64);
            e.Property(x => x.InstitutionCode).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(32);
        });
        b.Entity<Handover>(e =>
        {
            e.ToTable("handovers");
            e.HasKey(x => x.AssignmentId);
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.Property(x => x.RoutedBy).HasMaxLength(100);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(64);
        });
        b.Entity<SuggestionFact>(e =>
        {
            e.ToTable("suggestion_facts");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.CaseId).ValueGeneratedNever();
            e.HasIndex(x => new { x.RegionCode, x.ReceivedAt });
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Topic).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(16);
        });
        b.Entity<MajorEventFact>(e =>
        {
            e.ToTable("major_event_facts");
            e.HasKey(m => m.MajorEventId);
            e.Property(m => m.MajorEventId).ValueGeneratedNever();
            e.HasIndex(m => new { m.Month, m.RegionCode });
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.RegionCode).HasMaxLength(6);
            e.Property(m => m.Month).HasMaxLength(7);
        });
        b.Entity<ReceptionSession>(e =>
        {
            e.ToTable("reception_sessions");
            e.HasKey(x => x.ReceptionDayId);
            e.HasIndex(x => new { x.Month, x.RegionCode });
            e.Property(x => x.LeaderName).HasMaxLength(64);
            e.Property(x => x.Level).HasMaxLength(32);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Month).HasMaxLength(7);
        });
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.UnitCode, x.RecordedAt });
            e.HasIndex(x => new { x.RegionCode, x.RecordedAt });
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.CaseNumber).HasMaxLength(32);
            e.Property(x => x.Summary).HasMaxLength(500);
            // The fold's transaction time: the streams' cursor (their overlap covers folds that commit out of order).
            e.Property(x => x.RecordedAt).HasDefaultValueSql("now()");
        });
        b.Entity<EarlyWarning>(e =>
        {
            e.ToTable("early_warnings");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Kind, x.Subject, x.Period }).IsUnique();
            e.HasIndex(x => x.RaisedAt);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Period).HasMaxLength(10);
            e.Property(x => x.Evidence).HasMaxLength(1000);
        });
        b.Entity<BeijingPetition>(e =>
        {
            e.ToTable("beijing_petitions");
            e.HasKey(x => x.MessageId);
            e.HasIndex(x => new { x.Month, x.RegionCode });
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.Month).HasMaxLength(7);
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
