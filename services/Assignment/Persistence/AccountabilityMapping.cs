using Coordination.Assignment.Domain;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>The tables of major events (§11) and accountability (§5, §9), with the accountability rules as seeded data.</summary>
public static class AccountabilityMapping
{
    public static readonly AccountabilityRule[] SeededRules =
    [
        new() { Kind = AccountabilityWords.OverdueAfterSupervision, Enabled = true, WorkingDays = 5,
            Description = "督办后仍逾期：督办后若干个工作日仍未办结的时限" },
        new() { Kind = AccountabilityWords.BeijingReportLate, Enabled = true, WorkingDays = 0,
            Description = "进京案件处理情况逾期未报（第九条）：办理时限已过仍未报送" },
        new() { Kind = AccountabilityWords.MajorEventUnreported, Enabled = true, WorkingDays = 0,
            Description = "重大紧急信访事项未按时报告（第十三条）：首报时限已过仍未报告" },
    ];

    public static void MapMajorEventsAndAccountability(this ModelBuilder b)
    {
        b.Entity<MajorEvent>(e =>
        {
            e.ToTable("major_events");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.HasIndex(m => new { m.RegionCode, m.OpenedAt });
            e.HasIndex(m => m.CaseId);
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(m => m.Title).HasMaxLength(FieldLimits.MajorEventTitle);
            e.Property(m => m.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(m => m.Unit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(m => m.OpenedBy).HasMaxLength(FieldLimits.Login);
            e.Property(m => m.ClosingSummary).HasMaxLength(FieldLimits.MajorEventSummary);
            e.HasMany(m => m.Reports).WithOne().HasForeignKey(r => r.MajorEventId);
            e.HasMany(m => m.Dispatches).WithOne().HasForeignKey(d => d.MajorEventId);
        });
        b.Entity<MajorEventReport>(e =>
        {
            e.ToTable("major_event_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.MajorEventId, r.Sequence }).IsUnique();
            e.Property(r => r.Content).HasMaxLength(FieldLimits.MajorEventReport);
            e.Property(r => r.ReportedBy).HasMaxLength(FieldLimits.Login);
        });
        b.Entity<ReturnDispatch>(e =>
        {
            e.ToTable("return_dispatches");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Destination).HasMaxLength(32);
            e.Property(d => d.FromUnit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(d => d.OrderedBy).HasMaxLength(FieldLimits.Login);
            e.Property(d => d.Outcome).HasMaxLength(32);
            e.Property(d => d.Note).HasMaxLength(FieldLimits.DispatchNote);
        });
        b.Entity<EarlyWarning>(e =>
        {
            e.ToTable("early_warnings");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).ValueGeneratedNever();
            e.Property(w => w.Kind).HasMaxLength(32);
            e.Property(w => w.RegionCode).HasMaxLength(FieldLimits.RegionCode);
        });
        b.Entity<AccountabilityFile>(e =>
        {
            e.ToTable("accountability_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            // One file per rule and subject: a redelivered or re-fired rung opens nothing twice.
            e.HasIndex(f => new { f.Rule, f.SubjectId }).IsUnique();
            e.HasIndex(f => new { f.RegionCode, f.OpenedAt });
            e.Property(f => f.CaseNumber).HasMaxLength(FieldLimits.CaseNumber);
            e.Property(f => f.Rule).HasMaxLength(32);
            e.Property(f => f.RegionCode).HasMaxLength(FieldLimits.RegionCode);
            e.Property(f => f.Unit).HasMaxLength(FieldLimits.UnitCode);
            e.Property(f => f.Person).HasMaxLength(FieldLimits.Login);
            e.Property(f => f.Decision).HasMaxLength(32);
            e.Property(f => f.Reasons).HasMaxLength(FieldLimits.AccountabilityReasons);
            e.Property(f => f.DecidedBy).HasMaxLength(FieldLimits.Login);
        });
        b.Entity<AccountabilityRule>(e =>
        {
            e.ToTable("accountability_rules", t => t.HasCheckConstraint("ck_accountability_rules_WorkingDays", "\"WorkingDays\" >= 0"));
            e.HasKey(r => r.Kind);
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.Description).HasMaxLength(200);
            e.HasData(SeededRules);
        });
    }
}
