using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

public sealed class DeadlineTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly RuleSet Rules = new() { Version = "t", EffectiveFrom = new DateOnly(2000, 1, 1) };
    private static readonly BusinessCalendar Calendar = new(WorkingCalendar.WeekdaysOnly);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, Cst);

    private static Deadline TenDays() => Deadline.Start(Guid.NewGuid(), null, DeadlineSteps.Handling, "u", Monday, Monday.AddDays(10), Rules.Ladder, Calendar);

    [Fact]
    public void A_limit_is_overdue_from_its_urge_until_it_is_met()
    {
        var d = TenDays();
        d.TakeDueActions(Monday.AddDays(9));
        Assert.False(d.Overdue); // reminded only
        d.TakeDueActions(Monday.AddDays(10).AddHours(1));
        Assert.True(d.Overdue);
        d.Meet(Monday.AddDays(11));
        Assert.False(d.Overdue);
    }

    [Fact]
    public void The_reminder_comes_at_eighty_percent_then_urging_then_supervision_each_once()
    {
        var d = TenDays();
        Assert.Equal(Monday.AddDays(8), d.NextActionAt);
        Assert.Empty(d.TakeDueActions(Monday.AddDays(7)));
        Assert.Equal([DeadlineActions.Remind], d.TakeDueActions(Monday.AddDays(8)));
        Assert.Empty(d.TakeDueActions(Monday.AddDays(9)));
        Assert.Equal([DeadlineActions.Urge], d.TakeDueActions(Monday.AddDays(10)));
        Assert.Equal(d.SupervisionAt, d.NextActionAt);
        Assert.Equal([DeadlineActions.Supervise], d.TakeDueActions(d.SupervisionAt));
        Assert.Null(d.NextActionAt);
        Assert.Empty(d.TakeDueActions(d.SupervisionAt.AddDays(30)));
    }

    [Fact]
    public void A_scanner_that_was_down_fires_every_missed_rung_late_in_order()
    {
        var d = TenDays();
        Assert.Equal([DeadlineActions.Remind, DeadlineActions.Urge, DeadlineActions.Supervise], d.TakeDueActions(Monday.AddDays(60)));
    }

    [Fact]
    public void A_met_limit_stops_the_ladder()
    {
        var d = TenDays();
        d.Meet(Monday.AddDays(2));
        Assert.Null(d.NextActionAt);
        Assert.Empty(d.TakeDueActions(Monday.AddDays(60)));
    }

    [Fact]
    public void A_pause_adds_its_length_to_the_limit()
    {
        var d = TenDays();
        d.Pause(Monday.AddDays(5));
        Assert.Empty(d.TakeDueActions(Monday.AddDays(30)));
        d.Resume(Monday.AddDays(8), Rules.Ladder, Calendar);
        Assert.Equal(Monday.AddDays(13), d.DueAt);
    }

    [Fact]
    public void Supervision_is_five_working_days_after_the_urging()
    {
        var d = TenDays(); // the limit ends with Wednesday 2 December; 催办 on Thursday 3 December
        // five working days after the 催办 day: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10; 督办 as Friday 11 begins
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 0, 0, 0, Cst), d.SupervisionAt);
    }

    [Fact]
    public void Calendar_day_limits_ending_on_a_holiday_roll_to_the_next_working_day()
    {
        var calendar = new BusinessCalendar(new WorkingCalendar(new HashSet<DateOnly> { new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5) }, new HashSet<DateOnly>()));
        var start = new DateTimeOffset(2026, 9, 16, 10, 0, 0, Cst); // + 15 days = Thursday 1 October, a holiday
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, Cst), calendar.AfterCalendarDays(start, 15)); // Fri 2 holiday, weekend, Mon 5 holiday: Tue 6
    }

    [Fact]
    public void The_rule_set_in_force_at_registration_applies()
    {
        RuleSet[] sets = [new() { Version = "old", EffectiveFrom = new DateOnly(2020, 1, 1) }, new() { Version = "new", EffectiveFrom = new DateOnly(2026, 12, 1), HandlingDays = 45 }];
        Assert.Equal("old", RuleSet.InForce(sets, new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)).Version); // 23:59 in Nanjing
        Assert.Equal("new", RuleSet.InForce(sets, new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)).Version);
    }

    [Fact]
    public void A_hand_over_carries_its_acknowledgement_and_objection_limits_in_working_days()
    {
        var limits = new CaseTimeLimits(Rules, Calendar);
        var c = new HandlingCase { Id = Guid.NewGuid(), CaseNumber = "n", RegionCode = "320102", Topic = "housing", Status = CaseStatus.AwaitingManualRouting, RuleSetVersion = "t" };
        var a = c.HandOver(Guid.NewGuid(), "u", AssignmentKinds.Assignment, "r", Monday, limits);
        Assert.Equal(CaseStatus.Assigned, c.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Cst), a.AcknowledgeDueAt); // Tue, Wed, Thu: ends as Friday begins
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Cst), a.ObjectionDueAt);   // five working days: Tue to Mon
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 0, 0, 0, Cst), limits.AcceptNoticeBy(Monday)); // 15 days: Tuesday 8 December
    }

    [Fact]
    public void A_case_is_never_handed_to_the_unit_it_accuses()
    {
        var c = new HandlingCase { Id = Guid.NewGuid(), CaseNumber = "n", RegionCode = "320102", Topic = "housing", AccusedUnit = "u", Status = CaseStatus.AwaitingManualRouting, RuleSetVersion = "t" };
        Assert.Equal("AccusedUnitExcluded", Assert.Throws<DomainRuleException>(() => c.HandOver(Guid.NewGuid(), "u", AssignmentKinds.Assignment, "r", Monday, new CaseTimeLimits(Rules, Calendar))).Rule);
        Assert.Empty(c.Assignments);
    }

    [Fact]
    public void The_case_keeps_the_rule_set_it_was_registered_under_and_the_calendar_skips_holidays()
    {
        RuleSet[] sets = [new() { Version = "old", EffectiveFrom = new DateOnly(2020, 1, 1) }, new() { Version = "new", EffectiveFrom = new DateOnly(2026, 12, 1), HandlingDays = 45 }];
        var limits = CaseTimeLimits.Of(sets, new BusinessCalendar(new WorkingCalendar(new HashSet<DateOnly> { new(2026, 11, 24) }, new HashSet<DateOnly>())), "old");
        Assert.Equal(60, limits.Rules.HandlingDays);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, Cst), limits.AcknowledgeBy(Monday)); // Tuesday is a holiday: Wed, Thu, Fri
    }

    [Fact]
    public void A_rule_set_names_every_limit_below_one_day_and_a_past_effective_date()
    {
        var bad = new RuleSet { Version = "x", EffectiveFrom = new DateOnly(2026, 11, 1), AcknowledgeWorkingDays = 0, HandlingDays = -5, ReminderFraction = 1 };
        var fields = bad.Problems(new DateOnly(2026, 11, 29)).Select(p => p.Field).ToList();
        Assert.Equal(["effective_from", "acknowledge_working_days", "handling_days", "reminder_fraction"], fields);
        Assert.Empty(Rules.Problems(new DateOnly(1999, 1, 1)));
    }

    [Fact]
    public void A_calendar_change_counts_a_running_limit_again_and_leaves_passed_met_and_dated_ones()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Cst); // Monday
        Deadline Counted() => Deadline.Start(Guid.NewGuid(), null, DeadlineSteps.Acknowledge, "u", start, Calendar.AfterWorkingDays(start, 3), Rules.Ladder, Calendar,
            term: DeadlineTerm.Working(3));
        var newCalendar = new BusinessCalendar(new WorkingCalendar(new HashSet<DateOnly> { new(2026, 11, 25) }, new HashSet<DateOnly>())); // Wednesday off

        var running = Counted();
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Cst), running.DueAt); // Tue, Wed, Thu
        Assert.True(running.Replan(newCalendar, start.AddHours(1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, Cst), running.DueAt); // Tue, Thu, Fri
        Assert.Equal(newCalendar.AfterWorkingDays(running.DueAt, Rules.SupervisionWorkingDays), running.SupervisionAt);

        var passed = Counted();
        Assert.False(passed.Replan(newCalendar, new DateTimeOffset(2026, 11, 27, 1, 0, 0, Cst)));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Cst), passed.DueAt);

        var met = Counted();
        met.Meet(start.AddHours(2));
        Assert.False(met.Replan(newCalendar, start.AddHours(3)));

        var dated = Deadline.Start(Guid.NewGuid(), null, "meeting_answer", "u", start, new DateTimeOffset(2026, 11, 25, 0, 0, 0, Cst), Rules.Ladder, Calendar);
        dated.Replan(newCalendar, start.AddHours(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, Cst), dated.DueAt); // a date stays the date; only its 督办 day is counted again
        Assert.Equal(newCalendar.AfterWorkingDays(dated.DueAt, Rules.SupervisionWorkingDays), dated.SupervisionAt);
    }
}
