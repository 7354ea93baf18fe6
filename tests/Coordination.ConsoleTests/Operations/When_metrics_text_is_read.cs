using Coordination.Console.Operations;

namespace Coordination.ConsoleTests.Operations;

/// <summary>The console's reader of Prometheus's text format (the services' /metrics), without a service.</summary>
public sealed class When_metrics_text_is_read
{
    private const string Scrape = """
        # HELP coordination_petitions_registered_total Petitions registered, by what the registration decided
        # TYPE coordination_petitions_registered_total counter
        coordination_petitions_registered_total{otel_scope_name="Coordination",decision="NewCase"} 7 1764390000000
        coordination_petitions_registered_total{otel_scope_name="Coordination",decision="Repeat"} 2 1764390000000
        # TYPE coordination_outbox_backlog gauge
        coordination_outbox_backlog 3
        coordination_queue_ready{queue="assignment-petition-registered"} 4
        coordination_queue_ready{queue="assignment-case-closed"} 1.5e1
        coordination_outbox_oldest_age_seconds NaN
        http_server_request_duration_seconds_bucket{le="+Inf",http_route="/health/ready"} 12
        # EOF
        """;

    [Fact]
    public void Counters_and_gauges_are_read_with_their_labels_and_a_timestamp_is_ignored()
    {
        var samples = PrometheusText.Parse(Scrape);

        Assert.Equal(7, samples.Count);
        var newCase = samples[0];
        Assert.Equal("coordination_petitions_registered_total", newCase.Name);
        Assert.Equal("NewCase", newCase.Label("decision"));
        Assert.Equal("Coordination", newCase.Label("otel_scope_name"));
        Assert.Equal(7, newCase.Value);
        Assert.Empty(samples[2].Labels);
        Assert.Equal(3, samples[2].Value);
        Assert.Equal(15, samples[4].Value);
        Assert.True(double.IsNaN(samples[5].Value));
        Assert.Equal("+Inf", samples[6].Label("le"));
        Assert.Equal("", newCase.Label("missing"));
    }

    [Fact]
    public void Escaped_label_values_are_unescaped_and_commas_braces_and_spaces_inside_them_stay()
    {
        var sample = Assert.Single(PrometheusText.Parse("""
            coordination_redis_fallbacks_total{use="a \"quoted\" back\\slash\nnew line, {braced} value",job="x"} 1
            """));
        Assert.Equal("a \"quoted\" back\\slash\nnew line, {braced} value", sample.Label("use"));
        Assert.Equal("x", sample.Label("job"));
        Assert.Equal(1, sample.Value);
    }

    [Theory]
    [InlineData("m 1", 1d)]
    [InlineData("m{} 2", 2d)]
    [InlineData("m{a=\"1\",} 3", 3d)]
    [InlineData("  m{a = \"1\"}   -4.5   1764390000000", -4.5d)]
    [InlineData("m +Inf", double.PositiveInfinity)]
    [InlineData("m -Inf", double.NegativeInfinity)]
    public void Values_spacing_and_trailing_commas_follow_the_format(string line, double value)
    {
        Assert.Equal(value, Assert.Single(PrometheusText.Parse(line)).Value);
    }

    [Theory]
    [InlineData("m{a=\"unterminated} 1")]
    [InlineData("m{a=1} 1")]
    [InlineData("m not-a-number")]
    [InlineData("m")]
    [InlineData("9m 1")]
    [InlineData("m 1 2 3")]
    [InlineData("m{a=\"x\" 1")]
    public void A_line_that_does_not_parse_is_skipped_and_the_rest_of_the_scrape_stays(string bad)
    {
        var samples = PrometheusText.Parse($"before 1\n{bad}\nafter 2\n");
        Assert.Equal(["before", "after"], samples.Select(s => s.Name));
    }

    [Fact]
    public void A_scrape_sums_a_metric_over_its_labels_and_by_one_label()
    {
        var scrape = MetricsScrape.Parse(Scrape + "\ncoordination_petitions_registered_total{decision=\"NewCase\",replica=\"2\"} 1\n");

        Assert.Equal(10, scrape.Sum("coordination_petitions_registered_total"));
        Assert.Equal(8, scrape.SumBy("coordination_petitions_registered_total", "decision")["NewCase"]);
        Assert.Equal(19, scrape.Sum("coordination_queue_ready"));
        Assert.Null(scrape.Sum("coordination_deadlines_overdue"));
        Assert.Null(scrape.Sum("coordination_outbox_oldest_age_seconds")); // NaN only: nothing to show
        Assert.Equal("coordination_outbox_backlog", scrape.FirstPresent("coordination_outbox_backlog_total", "coordination_outbox_backlog"));
    }
}
