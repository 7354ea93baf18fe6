using Coordination.Reporting.Domain;

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

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(x => Permutations([.. items.Where(y => y != x)]).Select(rest => (int[])[x, .. rest]));
}
