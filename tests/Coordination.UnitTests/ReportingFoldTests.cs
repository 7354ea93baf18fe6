using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Consumers.Queues;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Workflow;
using MassTransit;

namespace Coordination.UnitTests;

/// <summary>Events of one subject reach Reporting on different queues in any order; the folds must not care.</summary>
public sealed class ReportingFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_overdue_limit_is_overdue_while_its_last_urge_is_newer_than_its_last_clearing_in_any_order()
    {
        // Missed, extended (cleared), missed again: in every arrival order the limit ends overdue against the new due date.
        var steps = new Action<OverdueDeadline>[]
        {
            d => d.Missed(T0, T0.AddHours(8)),
            d => d.Cleared(T0.AddDays(1)),
            d => d.Missed(T0.AddDays(13), T0.AddDays(13).AddHours(8)),
        };
        foreach (var order in Permutations([0, 1, 2]))
        {
            var d = new OverdueDeadline { DeadlineId = Guid.NewGuid() };
            foreach (var i in order) steps[i](d);
            Assert.True(d.Overdue, string.Join(",", order));
            Assert.Equal((T0.AddDays(13), 2), (d.DueAt, d.Urges));
        }
    }

    [Fact]
    public void A_limit_met_after_its_urge_is_not_overdue_whichever_arrives_first()
    {
        var first = new OverdueDeadline();
        first.Missed(T0, T0.AddHours(8));
        first.Cleared(T0.AddHours(12));
        var second = new OverdueDeadline();
        second.Cleared(T0.AddHours(12));
        second.Missed(T0, T0.AddHours(8));
        Assert.False(first.Overdue);
        Assert.False(second.Overdue);
        Assert.False(new OverdueDeadline().Overdue); // only reminded
    }

    [Fact]
    public void A_referral_takes_the_newest_status_and_an_end_stays_an_end()
    {
        var r = new LegalReferralFact();
        r.Move("in_progress", T0.AddDays(10));
        r.Move("referred", T0.AddDays(1)); // older: ignored
        Assert.Equal("in_progress", r.Status);
        r.Move("concluded_in_law", T0.AddDays(20));
        r.Move("outcome_reported", T0.AddDays(30)); // newer, but the referral has ended
        Assert.Equal(("concluded_in_law", T0.AddDays(20)), (r.Status, r.EndedAt));
    }

    [Fact]
    public void A_re_referral_replaces_the_institution_and_an_older_one_does_not()
    {
        var r = new LegalReferralFact();
        r.ReferTo("arbitration", "arbitration-320102", T0.AddDays(5));
        r.ReferTo("court_litigation", "xuanwu-court", T0.AddDays(2)); // the first referral, arriving late
        Assert.Equal(("arbitration", "arbitration-320102"), (r.Channel, r.InstitutionCode));
    }

    [Fact]
    public void Every_event_is_folded_and_read_from_the_queue_it_was_read_from_before_the_projectors()
    {
        var formatter = new KebabCaseEndpointNameFormatter("reporting", false);
        var queues = ReadModels.All.EventTypes.ToDictionary(t => t, t => ReportingQueue.Of(t));
        Assert.Equal(77, queues.Count); // 64, the four suggestion and two ownership events, and seven of major events and accountability (issue 17)
        Assert.Equal(10, queues.Values.Count(q => q is Timeline));
        Assert.Equal("reporting-timeline", queues[typeof(CaseAssigned)].EndpointName(formatter));
        Assert.Equal("TimelineConsumer", queues[typeof(PetitionRegistered)].InboxName);
        Assert.Equal("reporting-workflow-timeline", queues[typeof(LegalDeadlineMissed)].EndpointName(formatter));
        Assert.Equal("WorkflowTimelineConsumer", queues[typeof(ActionItemSentBack)].InboxName);
        Assert.Equal("reporting-workflow-timeline", queues[typeof(PetitionerRequestRefused)].EndpointName(formatter)); // new types go there
        Assert.Equal("reporting-workflow-timeline", queues[typeof(SuggestionEvaluated)].EndpointName(formatter));
        Assert.Equal("reporting-workflow-timeline", queues[typeof(MajorEventOpened)].EndpointName(formatter));
        Assert.Equal("reporting-workflow-timeline", queues[typeof(AccountabilityFileOpened)].EndpointName(formatter));
        Assert.Equal("reporting-reception-day", queues[typeof(ReceptionDayHeld)].EndpointName(formatter));
        Assert.Equal("ReceptionDayConsumer", queues[typeof(ReceptionDayHeld)].InboxName);
        Assert.Contains(typeof(JointMeetingProposed), ReadModels.All.EventTypes);
        Assert.Contains(typeof(ReferralMade), ReadModels.All.EventTypes);
    }

    [Fact]
    public void An_event_frames_its_case_and_instant_and_a_reception_day_has_no_case()
    {
        var caseId = Guid.NewGuid();
        var closed = EventEnvelope.Of(Guid.NewGuid(), new CaseClosed { CaseId = caseId, Outcome = "resolved", Final = true, Reason = "replied", OccurredAt = T0 });
        Assert.Equal((caseId, T0), (closed.CaseId, closed.OccurredAt));
        var day = EventEnvelope.Of(Guid.NewGuid(), new ReceptionDayHeld
        {
            ReceptionDayId = Guid.NewGuid(), LeaderName = "leader", Level = "county", RegionCode = "320102", Date = new DateOnly(2026, 3, 5), CaseIds = [],
            PeopleReceived = 0, OccurredAt = T0,
        });
        Assert.Equal((Guid.Empty, T0), (day.CaseId, day.OccurredAt));
    }

    [Fact]
    public void A_spike_needs_the_minimum_and_a_sensitive_period_lowers_both_thresholds()
    {
        var rules = new EarlyWarningOptions
        {
            SensitivePeriods = [new SensitivePeriod { Name = "session", From = new DateOnly(2026, 6, 1), To = new DateOnly(2026, 6, 3), RegionPrefix = "3201" }],
        };
        var ordinary = new PetitionWarningRules(Petition("320102", new DateTimeOffset(2026, 5, 20, 10, 0, 0, TimeSpan.FromHours(8))), rules);
        Assert.Null(ordinary.Spike("region_spike", "320102", today: 4, baseline: 0)); // under the minimum of 5
        Assert.NotNull(ordinary.Spike("region_spike", "320102", today: 5, baseline: 0));
        Assert.Null(ordinary.Spike("region_spike", "320102", today: 8, baseline: 84)); // 3 a day: threshold 9
        Assert.Equal("2026-05-20", ordinary.Day);
        var sensitive = new PetitionWarningRules(Petition("320102", new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(8))), rules);
        Assert.NotNull(sensitive.Spike("region_spike", "320102", today: 3, baseline: 0));
        Assert.Null(sensitive.DuringSensitivePeriod()); // neither collective nor to Beijing
    }

    [Fact]
    public void Beijing_batches_warn_at_the_monthly_threshold_only_for_a_petition_to_Beijing()
    {
        var rules = new EarlyWarningOptions();
        var toBeijing = new PetitionWarningRules(Petition("320102", T0) with { ToBeijing = true }, rules);
        Assert.Null(toBeijing.BeijingThreshold(2));
        Assert.Equal(("beijing_threshold", "320102", "2026-03"), toBeijing.BeijingThreshold(3) is { } w ? (w.Kind, w.Subject, w.Period) : default);
        Assert.Null(new PetitionWarningRules(Petition("320102", T0), rules).BeijingThreshold(9));
    }

    private static PetitionRegistered Petition(string region, DateTimeOffset at) => new()
    {
        CaseId = Guid.NewGuid(), CaseNumber = $"{region}-2026-000001", Channel = "visit", RegionCode = region, Category = "grievance", Topic = "housing",
        Summary = "unit test", PetitionerCount = 1, LawRelated = false, ReceivingUnit = "bureau", Clerk = "test", ReceivedAt = at, OccurredAt = at,
    };

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(x => Permutations([.. items.Where(y => y != x)]).Select(rest => (int[])[x, .. rest]));
}
