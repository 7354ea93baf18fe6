using Coordination.Contracts.Intake;
using Coordination.IntegrationTests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The inbox: a redelivered message (same message id) changes nothing the second time.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_message_is_delivered_twice(SystemFixture system)
{
    [Fact]
    public async Task Assignment_and_Reporting_apply_it_once()
    {
        var assignmentProbe = new ConsumeProbe();
        var reportingProbe = new ConsumeProbe();
        using var a = system.Assignment.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(assignmentProbe);
        using var r = system.Reporting.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(reportingProbe);
        var message = Registered(topic: "housing");
        var messageId = NewId.NextGuid();
        var bus = system.Intake.App.Services.GetRequiredService<IBus>();

        for (var i = 0; i < 2; i++) await bus.Publish(message, ctx => ctx.MessageId = messageId);

        await Eventually.UntilAsync(() => Task.FromResult(assignmentProbe.Consumed(messageId)), n => n == 2, "Assignment to consume both deliveries");
        await Eventually.UntilAsync(() => Task.FromResult(reportingProbe.Consumed(messageId)), n => n == 2, "Reporting to consume both deliveries");
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId));
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM assignments WHERE \"CaseId\" = $1", message.CaseId));
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
        await Eventually.UntilAsync(() => Timeline(message.CaseId, "CaseAssigned"), n => n == 1, "CaseAssigned on the timeline");
        Assert.Equal(1, await Timeline(message.CaseId, "PetitionRegistered"));
        await Eventually.UntilAsync(() => system.Assignment.CountAsync("SELECT count(*) FROM outbox_messages"), n => n == 0, "Assignment's outbox to drain");
        Assert.Equal(1, await Timeline(message.CaseId, "CaseAssigned"));
    }

    [Fact]
    public async Task The_same_case_under_a_new_message_id_is_still_one_case()
    {
        var probe = new ConsumeProbe();
        using var handle = system.Assignment.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(probe);
        var message = Registered(topic: "housing");
        var bus = system.Intake.App.Services.GetRequiredService<IBus>();
        Guid first = NewId.NextGuid(), second = NewId.NextGuid();

        await bus.Publish(message, ctx => ctx.MessageId = first);
        await Eventually.UntilAsync(() => Task.FromResult(probe.Consumed(first)), n => n == 1, "the first delivery");
        await bus.Publish(message, ctx => ctx.MessageId = second);
        await Eventually.UntilAsync(() => Task.FromResult(probe.Consumed(second)), n => n == 1, "the second delivery");

        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM assignments WHERE \"CaseId\" = $1", message.CaseId));
    }

    [Fact]
    public async Task An_event_stamped_in_another_offset_is_stored_in_UTC_not_refused()
    {
        var message = Registered(topic: "housing") with { OccurredAt = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)) };
        await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message);
        await Eventually.UntilAsync(() => system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId), n => n == 1,
            "Assignment to store the case");
        Assert.Equal(1, await system.Assignment.CountAsync(
            "SELECT count(*) FROM cases WHERE \"Id\" = $1 AND \"RegisteredAt\" = '2026-11-26T12:00:00Z'::timestamptz", message.CaseId));
    }

    private Task<long> Timeline(Guid caseId, string kind) => system.Reporting.CountAsync(
        "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = $2", caseId, kind);

    internal static PetitionRegistered Registered(string topic, string region = "320102") => new()
    {
        CaseId = NewId.NextGuid(),
        CaseNumber = $"{region}-2026-9{Random.Shared.Next(0, 99999):D5}",
        Channel = "visit",
        RegionCode = region,
        Category = "grievance",
        Topic = topic,
        Summary = "direct publication by a test",
        PetitionerCount = 1,
        LawRelated = false,
        ReceivingUnit = "nanjing-petition-bureau",
        Clerk = "test",
        ReceivedAt = DateTimeOffset.UtcNow,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
