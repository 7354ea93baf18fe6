using Coordination.Contracts.Topology;
using Coordination.Contracts.Intake;
using Coordination.Contracts.Reporting;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.UnitTests;

/// <summary>The outbox relay's pure decisions (ADR 10): which rows go and in what order, what is unreadable, how an unroutable row waits.</summary>
public sealed class OutboxTests
{
    private static readonly Guid CaseA = Guid.NewGuid(), CaseB = Guid.NewGuid();

    private static OutboxMessage Row(long sequence, Guid? caseId, string? type = null, string body = "{}", int attempts = 0,
        DateTimeOffset? unroutableSince = null) => new()
    {
        Id = Guid.NewGuid(),
        Sequence = sequence,
        MessageType = type ?? MessageTypes.NameOf(typeof(PetitionRegistered)),
        Body = body,
        CorrelationId = caseId,
        Attempts = attempts,
        UnroutableSince = unroutableSince,
    };

    [Fact]
    public void A_cases_rows_form_one_lane_in_sequence_order_and_rows_without_a_case_go_alone()
    {
        var rows = new[] { Row(5, CaseA), Row(1, CaseA), Row(2, null), Row(3, CaseB), Row(4, null), Row(9, CaseA) };

        var lanes = OutboxLanes.Plan(rows, new Dictionary<Guid, long>());

        Assert.Equal(4, lanes.Count);
        Assert.Equal([1L, 5L, 9L], lanes.Single(l => l[0].CorrelationId == CaseA).Select(r => r.Sequence));
        Assert.Single(lanes, l => l[0].CorrelationId == CaseB);
        Assert.Equal(2, lanes.Count(l => l[0].CorrelationId is null && l.Count == 1));
    }

    [Fact]
    public void A_case_stops_at_its_first_row_this_batch_did_not_claim()
    {
        var rows = new[] { Row(1, CaseA), Row(4, CaseA), Row(7, CaseA), Row(2, CaseB) };

        var lanes = OutboxLanes.Plan(rows, new Dictionary<Guid, long> { [CaseA] = 3, [CaseB] = 1 });

        Assert.Equal([1L], Assert.Single(lanes).Select(r => r.Sequence)); // b's earlier row (1) is elsewhere: none of b goes
    }

    [Fact]
    public void A_known_type_with_its_json_is_read()
    {
        var message = new PetitionRegistered
        {
            CaseId = CaseA, CaseNumber = "320102-2026-000001", Channel = "visit", RegionCode = "320102", Category = "grievance", Topic = "housing",
            Summary = "s", PetitionerCount = 1, LawRelated = false, ReceivingUnit = "u", Clerk = "c",
            ReceivedAt = DateTimeOffset.UnixEpoch, OccurredAt = DateTimeOffset.UnixEpoch,
        };
        var body = System.Text.Json.JsonSerializer.Serialize(message, System.Text.Json.JsonSerializerOptions.Web);

        Assert.True(OutboxRowReader.TryRead(Row(1, CaseA, body: body), out var type, out var read, out _));
        Assert.Equal(typeof(PetitionRegistered), type);
        Assert.Equal(CaseA, ((PetitionRegistered)read).CaseId);
    }

    [Theory]
    [InlineData("Coordination.Contracts.Gone, Coordination.Contracts", "{}", "unknown message type")]
    [InlineData("Not a [type name, ,", "{}", "unknown message type")]
    [InlineData(null, "{\"caseId\": 12", "body is not a PetitionRegistered")]
    [InlineData(null, "null", "empty body")]
    [InlineData(null, "", "empty body")]
    public void An_unreadable_row_says_why(string? type, string body, string reason)
    {
        Assert.False(OutboxRowReader.TryRead(Row(1, CaseA, type, body), out _, out _, out var why));
        Assert.Contains(reason, why);
    }

    [Fact]
    public void An_unroutable_row_backs_off_doubling_up_to_the_maximum()
    {
        var options = new OutboxOptions { UnroutableRetryMax = TimeSpan.FromSeconds(10) };
        var now = DateTimeOffset.UnixEpoch.AddDays(1);

        var first = OutboxBackoff.AfterReturn(Row(1, CaseA), now, options);
        Assert.Equal((1, now, now.AddSeconds(1), false), (first.Attempts, first.UnroutableSince, first.NextAttemptAt, first.Quarantined));
        Assert.Equal(now.AddSeconds(4), OutboxBackoff.AfterReturn(Row(1, CaseA, attempts: 2, unroutableSince: now), now, options).NextAttemptAt);
        Assert.Equal(now.AddSeconds(10), OutboxBackoff.AfterReturn(Row(1, CaseA, attempts: 40, unroutableSince: now), now, options).NextAttemptAt);
    }

    [Fact]
    public void A_row_unroutable_for_longer_than_allowed_is_quarantined_with_its_reason()
    {
        var options = new OutboxOptions { UnroutableQuarantineAfter = TimeSpan.FromHours(1) };
        var since = DateTimeOffset.UnixEpoch;

        Assert.False(OutboxBackoff.AfterReturn(Row(1, CaseA, attempts: 60, unroutableSince: since), since.AddMinutes(59), options).Quarantined);
        var retry = OutboxBackoff.AfterReturn(Row(1, CaseA, attempts: 61, unroutableSince: since), since.AddHours(1), options);
        Assert.True(retry.Quarantined);
        Assert.Contains("no queue is bound for Coordination.Contracts.Intake.PetitionRegistered", retry.QuarantineReason);
    }

    [Fact]
    public void A_return_is_told_from_a_broker_failure()
    {
        Assert.True(OutboxBackoff.IsReturned(new MessageReturnedException("returned")));
        Assert.True(OutboxBackoff.IsReturned(new InvalidOperationException("publish failed", new MessageReturnedException("returned"))));
        Assert.False(OutboxBackoff.IsReturned(new RabbitMqConnectionException("closed")));
        Assert.False(OutboxBackoff.IsReturned(new TimeoutException()));
    }

    [Fact]
    public void Events_nobody_subscribes_to_are_published_without_the_mandatory_flag()
    {
        Assert.False(Subscriptions.HasSubscribers(typeof(Coordination.Contracts.Intake.ReceptionDayScheduled)));
        Assert.True(Subscriptions.HasSubscribers(typeof(EarlyWarningRaised))); // Assignment keeps them for major events (ADR 28)
        Assert.True(Subscriptions.HasSubscribers(typeof(PetitionRegistered)));
    }
}
