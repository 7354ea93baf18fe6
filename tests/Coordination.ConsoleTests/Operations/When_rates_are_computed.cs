using Coordination.Console.Operations;

namespace Coordination.ConsoleTests.Operations;

/// <summary>Rates from counters read every few seconds, as the dashboards' rate() computes them.</summary>
public sealed class When_rates_are_computed
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    private static List<Reading> Every5s(params double?[] values) => values.Select((v, i) => new Reading(T0.AddSeconds(5 * i), v)).ToList();

    [Fact]
    public void Each_step_is_the_rise_over_the_seconds_between_readings()
    {
        Assert.Equal([null, 2d, 0d, 0.4], Rates.Steps(Every5s(0, 10, 10, 12)));
    }

    [Fact]
    public void A_counter_that_falls_was_restarted_and_counts_from_zero()
    {
        Assert.Equal(3, Rates.Rise(100, 3));
        Assert.Equal([null, 1d, 0.6], Rates.Steps(Every5s(95, 100, 3)));
        Assert.Equal(8d / 10, Rates.PerSecond(Every5s(95, 100, 3), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_missing_reading_leaves_a_gap_in_the_steps_but_the_rise_across_it_is_counted_in_the_rate()
    {
        var readings = Every5s(10, null, 30);
        Assert.Equal([null, null, null], Rates.Steps(readings));
        Assert.Equal(2, Rates.PerSecond(readings, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_rate_counts_only_the_readings_within_the_window()
    {
        // 0 → 1000 long ago, then 1000 → 1010 within the last 10 seconds.
        var readings = new List<Reading> { new(T0, 0), new(T0.AddMinutes(5), 1000), new(T0.AddMinutes(5).AddSeconds(5), 1005), new(T0.AddMinutes(5).AddSeconds(10), 1010) };
        Assert.Equal(1, Rates.PerSecond(readings, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Fewer_than_two_readings_give_no_rate()
    {
        Assert.Null(Rates.PerSecond([], TimeSpan.FromMinutes(1)));
        Assert.Null(Rates.PerSecond(Every5s(4), TimeSpan.FromMinutes(1)));
        Assert.Null(Rates.PerSecond(Every5s(null, 4, null), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_view_reads_a_counter_as_zero_where_a_service_answered_without_it_and_as_missing_where_it_did_not_answer()
    {
        ServiceReading Intake(string? metrics) => new("Intake", "http://127.0.0.1:5201", metrics is null ? null : MetricsScrape.Parse(metrics), null,
            metrics is null ? "http://127.0.0.1:5201/metrics 无法连接（ConnectionRefused）" : null);
        var view = new OperationsView([
            new SamplingRound(T0, [Intake("other 1")]),
            new SamplingRound(T0.AddSeconds(5), [Intake("coordination_petitions_registered_total{decision=\"NewCase\"} 5")]),
            new SamplingRound(T0.AddSeconds(10), [Intake(null)]),
            new SamplingRound(T0.AddSeconds(15), [Intake("coordination_petitions_registered_total{decision=\"NewCase\"} 8\ncoordination_petitions_registered_total{decision=\"Repeat\"} 1")]),
        ]);

        var rows = view.Counters("Intake", MetricNames.Registered, "decision");
        Assert.Equal(["NewCase", "Repeat"], rows.Select(r => r.Label));
        Assert.Equal(8, rows[0].Total);
        Assert.Equal(8d / 15, rows[0].PerSecond);
        Assert.Equal(1d / 15, rows[1].PerSecond);
        var line = Assert.Single(view.RateLines("Intake", MetricNames.Registered, "decision", d => d), l => l.Name == "NewCase");
        Assert.Equal([null, 1d, null, null], line.Values);
    }
}
