using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Intake;
using Coordination.Contracts.Topology;
using Coordination.Grpc.Operations;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The outbox never blocks (ADR 10): a row that cannot be published is quarantined and the rest go on, a case's events
/// keep their order, an event published before its consumer first started waits in its queue, and the inbox forgets old message ids.
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
        // Readiness stays up but says so, and only an administrator may see or touch the rows.
        var outbox = await Eventually.UntilAsync(OutboxHealthAsync, c => c.GetProperty("status").GetString() == "Degraded",
            "readiness to report the quarantined rows", TimeSpan.FromSeconds(30));
        Assert.True(outbox.GetProperty("data").GetProperty("quarantined").GetInt64() >= 2);
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Outbox.ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest(), Callers.Bureau("320000")));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        refused = await Assert.ThrowsAsync<RpcException>(async () => await Outbox.DiscardQuarantinedMessageAsync(
            new DiscardQuarantinedMessageRequest { MessageId = badJson.Id.ToString() }, Callers.Bureau("320000")));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        // A few more relay rounds, run here rather than waited for: case a's later event must still not overtake its first.
        var relay = system.Intake.App.Services.GetRequiredService<OutboxRelay<Coordination.Intake.Persistence.IntakeDb>>();
        for (var round = 0; round < 3; round++) await relay.PublishBatchAsync(100, CancellationToken.None);
        Assert.DoesNotContain(probe.Messages, m => m.CaseId == a);
        Assert.NotNull(await OutboxRows.ColumnAsync(system.Intake, afterIt.Id, "id"));

        // The operator fixes the row (the type was renamed) and re-drives it: it goes first, then the one behind it.
        await system.Intake.CountAsync("UPDATE outbox_messages SET message_type = $1 WHERE id = $2",
            MessageTypes.NameOf(typeof(OutboxProbeEvent)), unknownType.Id);
        await Outbox.ReleaseQuarantinedMessageAsync(new ReleaseQuarantinedMessageRequest { MessageId = unknownType.Id.ToString() }, Callers.Administrator());
        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Where(m => m.CaseId == a).Select(m => m.Number).ToList()),
            numbers => numbers.SequenceEqual([1, 2]), "case a's events, in order, after the release");
        Assert.Equal(unknownType.Id, probe.Received.First(r => r.Message.CaseId == a).MessageId);
        var gone = await Assert.ThrowsAsync<RpcException>(async () => await Outbox.ReleaseQuarantinedMessageAsync( // published and deleted
            new ReleaseQuarantinedMessageRequest { MessageId = unknownType.Id.ToString() }, Callers.Administrator()));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);

        await Outbox.DiscardQuarantinedMessageAsync(new DiscardQuarantinedMessageRequest { MessageId = badJson.Id.ToString() }, Callers.Administrator());
        Assert.DoesNotContain(await ListQuarantinedAsync(), m => m.Id == unknownType.Id || m.Id == badJson.Id);
        await Eventually.UntilAsync(OutboxHealthAsync, c => c.GetProperty("data").GetProperty("quarantined").GetInt64() == 0,
            "readiness to see the quarantine empty", TimeSpan.FromSeconds(30));
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
    public async Task A_row_another_claimer_holds_keeps_its_cases_later_rows_back_and_nothing_else()
    {
        // What lets the relay run several loops as replicas do (ADR 38): a loop waiting for its batch's confirms holds its
        // rows locked; the others skip them, publish everything else, and hold back the later rows of those rows' cases.
        Assert.True(system.Intake.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.RelayLoops > 1);
        await using var probe = await OutboxProbe<OutboxProbeEvent>.ConnectAsync(IntakeBus, "held");
        Guid held = Guid.NewGuid(), free = Guid.NewGuid();
        // Due in two seconds: long enough to lock it before any loop may claim it.
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var first = OutboxRows.Of(new OutboxProbeEvent(held, 1), held) with { NotBefore = due };
        await OutboxRows.InsertAsync(system.Intake, first);
        await using var claimer = new Npgsql.NpgsqlConnection(system.Intake.ConnectionString);
        await claimer.OpenAsync();
        await using (var claim = await claimer.BeginTransactionAsync())
        {
            await using (var hold = new Npgsql.NpgsqlCommand("SELECT 1 FROM outbox_messages WHERE id = $1 FOR UPDATE", claimer, claim))
            {
                hold.Parameters.AddWithValue(first.Id);
                Assert.Equal(1, await hold.ExecuteScalarAsync());
            }
            await OutboxRows.InsertAsync(system.Intake, OutboxRows.Of(new OutboxProbeEvent(held, 2), held), OutboxRows.Of(new OutboxProbeEvent(free, 1), free));
            await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count(m => m.CaseId == free)), n => n == 1, "the other case's row to go out");
            // A row written once the held one is due goes out too: the relay has claimed since, and still kept the case's second back.
            await Eventually.UntilAsync(() => system.Intake.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = $1 AND next_attempt_at <= now()", first.Id),
                n => n == 1, "the held row to be due by PostgreSQL's clock, which the relay's claim reads");
            await OutboxRows.InsertAsync(system.Intake, OutboxRows.Of(new OutboxProbeEvent(free, 2), free));
            await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count(m => m.CaseId == free)), n => n == 2, "a row written after it was due to go out");
            Assert.DoesNotContain(probe.Messages, m => m.CaseId == held);
            await claim.RollbackAsync();
        }
        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count(m => m.CaseId == held)), n => n == 2, "the held case's rows, once released");
        Assert.Equal([1, 2], probe.Messages.Where(m => m.CaseId == held).Select(m => m.Number));
    }

    [Fact]
    public async Task The_relay_vacuums_the_outbox_itself_after_every_so_many_rows_it_deleted()
    {
        // Autovacuum's own visits are counted apart (autovacuum_count): this counts only the relay's.
        var every = system.Intake.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.VacuumAfterDeleted;
        Assert.InRange(every, 1, 5000);
        var before = await RelayVacuumsAsync();
        await using var probe = await OutboxProbe<OutboxProbeEvent>.ConnectAsync(IntakeBus, "vacuum");
        var rows = Enumerable.Range(1, every + 50).Select(n => OutboxRows.Of(new OutboxProbeEvent(Guid.NewGuid(), n), null)).ToArray();
        await OutboxRows.InsertAsync(system.Intake, rows);

        await Eventually.UntilAsync(() => Task.FromResult(probe.Messages.Count), n => n == rows.Length, "every event to arrive");
        await Eventually.UntilAsync(RelayVacuumsAsync, n => n > before, "the relay to have vacuumed the outbox");
    }

    private Task<long> RelayVacuumsAsync() =>
        system.Intake.CountAsync("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox_messages'");

    [Fact]
    public async Task Before_anything_is_published_every_subscriber_queue_exists_so_an_event_waits_for_a_consumer_not_yet_started()
    {
        // A broker no service has used yet, as on a first start: only the relay's declaration runs against it.
        var vhost = $"{system.RunId}-subscribers";
        await system.Infra.CreateVirtualHostAsync(vhost);
        try
        {
            var options = Options.Create(new RabbitMqOptions
            {
                Host = system.Infra.RabbitHost, Port = system.Infra.RabbitPort, VirtualHost = vhost,
                Username = system.Infra.RabbitUser, Password = system.Infra.RabbitPassword,
            });
            await new SubscriberQueues(options, NullLogger<SubscriberQueues>.Instance).EnsureDeclaredAsync(CancellationToken.None);

            using var http = system.Infra.RabbitManagement();
            var queues = await http.GetFromJsonAsync<JsonElement>($"queues/{Uri.EscapeDataString(vhost)}?columns=name,arguments");
            var declared = queues.EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!,
                q => q.GetProperty("arguments").GetProperty("x-queue-type").GetString());
            foreach (var subscription in Subscriptions.All) Assert.Equal("quorum", declared.GetValueOrDefault(subscription.Queue));

            // PetitionRegistered published now reaches both its subscribers' queues, though neither consumer ever ran.
            var exchange = Uri.EscapeDataString(SubscriberQueues.ExchangeOf(typeof(PetitionRegistered).FullName!));
            var published = await http.PostAsJsonAsync($"exchanges/{Uri.EscapeDataString(vhost)}/{exchange}/publish",
                new { properties = new { }, routing_key = "", payload = "{}", payload_encoding = "string" });
            var routed = await published.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(routed.GetProperty("routed").GetBoolean());
            var waiting = await Eventually.UntilAsync(async () =>
                (await http.GetFromJsonAsync<JsonElement>($"queues/{Uri.EscapeDataString(vhost)}?columns=name,messages")).EnumerateArray()
                    .Where(q => q.TryGetProperty("messages", out var m) && m.GetInt64() > 0).Select(q => q.GetProperty("name").GetString()!).ToHashSet(),
                names => names.SetEquals(Subscriptions.QueuesOf(typeof(PetitionRegistered))),
                "the event to wait in every subscriber's queue", TimeSpan.FromSeconds(30)); // the management API refreshes every 5 s
            Assert.Contains("assignment-petition-registered", waiting);
        }
        finally
        {
            await system.Infra.DeleteVirtualHostAsync(vhost);
        }
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

    private OutboxService.OutboxServiceClient Outbox => new(system.Intake.Channel);

    /// <summary>What an operator sees: `coord outbox intake` calls the same.</summary>
    private async Task<IReadOnlyList<(Guid Id, string Reason, int Waiting)>> ListQuarantinedAsync() =>
        (await Outbox.ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest { Limit = 500 }, Callers.Administrator())).Messages
        .Select(m => (Guid.Parse(m.MessageId), m.Reason, m.Waiting)).ToList();

    private async Task<JsonElement> OutboxHealthAsync()
    {
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{system.Intake.HttpPort}/health/ready"));
        return json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "outbox").Clone();
    }
}
