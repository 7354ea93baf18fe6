using Coordination.Assignment.Persistence;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The outbox never blocks (ADR 10): a row that cannot be published is quarantined and the rest go on, a case's events
/// keep their order, an event published before its queue exists waits for it, and the inbox forgets old message ids.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_outbox_meets_a_bad_row(SystemFixture system)
{
    private IBus IntakeBus => system.Intake.App.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task The_bad_rows_are_quarantined_with_their_reason_and_the_others_go_on()
    {
        await using var probe = await OutboxProbe<OutboxProbeEvent>.ConnectAsync(IntakeBus, "quarantine");
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var unknownType = OutboxRows.Of(new OutboxProbeEvent(a, 1), a) with { MessageType = "Coordination.Contracts.Nowhere.Renamed, Coordination.Contracts" };
        var afterIt = OutboxRows.Of(new OutboxProbeEvent(a, 2), a);
        var badJson = OutboxRows.Of(new OutboxProbeEvent(d, 1), d) with { Body = "{\"caseId\": \"not a guid\"" };
        await OutboxRows.InsertAsync(system.Intake, unknownType, badJson,
            OutboxRows.Of(new OutboxProbeEvent(b, 1), b), afterIt, OutboxRows.Of(new OutboxProbeEvent(c, 1), c), OutboxRows.Of(new OutboxProbeEvent(b, 2), b));

        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count(m => m.CaseId == b || m.CaseId == c)), n => n == 3,
            "the good rows of the other cases to be published and consumed");
        var quarantined = await Eventually.UntilAsync(ListQuarantinedAsync, q => q.Count(m => m.Id == unknownType.Id || m.Id == badJson.Id) == 2,
            "both bad rows to be quarantined");
        var first = quarantined.Single(m => m.Id == unknownType.Id);
        Assert.Contains("unknown message type", first.Reason);
        Assert.Equal(1, first.Waiting); // case a's second event waits behind it
        Assert.Contains("body is not a OutboxProbeEvent", quarantined.Single(m => m.Id == badJson.Id).Reason);
        // A few more relay rounds, run here rather than waited for: case a's later event must still not overtake its first.
        var relay = system.Intake.App.Services.GetRequiredService<OutboxRelay<Coordination.Intake.Persistence.IntakeDb>>();
        for (var round = 0; round < 3; round++) await relay.PublishBatchAsync(100, CancellationToken.None);
        Assert.DoesNotContain(probe.Messages, m => m.CaseId == a);
        Assert.NotNull(await OutboxRows.ColumnAsync(system.Intake, afterIt.Id, "id"));

        // The operator fixes the row (the type was renamed) and re-drives it: it goes first, then the one behind it.
        await system.Intake.CountAsync("UPDATE outbox_messages SET message_type = $1 WHERE id = $2",
            MessageTypes.NameOf(typeof(OutboxProbeEvent)), unknownType.Id);
        Assert.True(await WithQuarantineAsync(q => q.ReleaseAsync(unknownType.Id)));
        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Where(m => m.CaseId == a).Select(m => m.Number).ToList()),
            numbers => numbers.SequenceEqual([1, 2]), "case a's events, in order, after the release");
        Assert.Equal(unknownType.Id, probe.Received.First(r => r.Message.CaseId == a).MessageId);
        Assert.False(await WithQuarantineAsync(q => q.ReleaseAsync(unknownType.Id))); // gone: published and deleted

        Assert.True(await WithQuarantineAsync(q => q.DiscardAsync(badJson.Id)));
        Assert.DoesNotContain(await ListQuarantinedAsync(), m => m.Id == unknownType.Id || m.Id == badJson.Id);
    }

    [Fact]
    public async Task A_cases_events_are_published_in_the_order_they_were_written()
    {
        await using var probe = await OutboxProbe<OutboxProbeEvent>.ConnectAsync(IntakeBus, "order");
        Guid one = Guid.NewGuid(), other = Guid.NewGuid();
        var rows = Enumerable.Range(1, 30).SelectMany(n => new[]
        {
            OutboxRows.Of(new OutboxProbeEvent(one, n), one),
            OutboxRows.Of(new OutboxProbeEvent(other, n), other),
            OutboxRows.Of(new OutboxProbeEvent(Guid.NewGuid(), n), null), // no case: free to go in parallel
        }).ToArray();
        await OutboxRows.InsertAsync(system.Intake, rows);

        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count), n => n == rows.Length, "every event to arrive");
        Assert.Equal(Enumerable.Range(1, 30), probe.Messages.Where(m => m.CaseId == one).Select(m => m.Number));
        Assert.Equal(Enumerable.Range(1, 30), probe.Messages.Where(m => m.CaseId == other).Select(m => m.Number));
    }

    [Fact]
    public async Task An_event_published_before_its_queue_exists_stays_until_the_queue_is_bound()
    {
        var caseId = Guid.NewGuid();
        var row = OutboxRows.Of(new OutboxLateEvent(caseId), caseId);
        await OutboxRows.InsertAsync(system.Intake, row);

        await Eventually.UntilAsync(() => OutboxRows.ColumnAsync(system.Intake, row.Id, "attempts"), a => a is not null && int.Parse(a) >= 2,
            "the broker to return the event (at least twice)");
        Assert.NotNull(await OutboxRows.ColumnAsync(system.Intake, row.Id, "unroutable_since"));
        Assert.Null(await OutboxRows.ColumnAsync(system.Intake, row.Id, "quarantined_at"));

        await using var late = await OutboxProbe<OutboxLateEvent>.ConnectAsync(IntakeBus, "late");
        var received = await Eventually.UntilAsync(() => Task.FromResult(late.Received.ToList()), r => r.Count > 0,
            "the event to arrive once its queue is bound", TimeSpan.FromSeconds(30));
        Assert.Equal(row.Id, Assert.Single(received).MessageId);
        await Eventually.UntilAsync(() => OutboxRows.ColumnAsync(system.Intake, row.Id, "id"), id => id is null, "the row to be deleted");
    }

    [Fact]
    public async Task The_inbox_forgets_only_message_ids_older_than_its_retention()
    {
        var now = DateTimeOffset.UtcNow;
        Guid old = Guid.NewGuid(), recent = Guid.NewGuid();
        foreach (var (id, at) in new[] { (old, now.AddDays(-8)), (recent, now.AddDays(-6)) })
            await system.Assignment.CountAsync("INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ($1, 'outbox-test', $2)", id, at);

        var pruner = system.Assignment.App.Services.GetRequiredService<InboxPruner<AssignmentDb>>();
        Assert.True(await pruner.PruneAsync(now.AddDays(-7), CancellationToken.None) >= 1);

        Assert.Equal(0, await system.Assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", old));
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", recent));
    }

    private Task<IReadOnlyList<QuarantinedOutboxMessage>> ListQuarantinedAsync() => WithQuarantineAsync(q => q.ListAsync());

    private async Task<T> WithQuarantineAsync<T>(Func<OutboxQuarantine, Task<T>> use)
    {
        await using var scope = system.Intake.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<OutboxQuarantine>());
    }
}
