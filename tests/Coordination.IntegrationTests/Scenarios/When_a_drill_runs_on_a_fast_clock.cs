using Coordination.Assignment;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Intake;
using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Training mode (issue 18): Assignment in the Training environment with Clock:Speed, nothing else changed. The
/// acknowledgement limit's reminder and 催办 fire within seconds of real time, through the real scanner and clock.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_drill_runs_on_a_fast_clock(SystemFixture system)
{
    [Fact]
    public async Task The_acknowledgement_ladder_passes_in_seconds()
    {
        var virtualHost = $"{system.RunId}-training";
        await system.Infra.CreateVirtualHostAsync(virtualHost);
        // A day of the drill is six real seconds.
        var assignment = await system.StartAsync<AssignmentDb>("assignment_training", (args, configure) => Coordination.Assignment.AssignmentService.Build(args, b =>
        {
            configure?.Invoke(b);
            b.Environment.EnvironmentName = ClockOptions.TrainingEnvironment;
        }), new Dictionary<string, string?>
        {
            ["RabbitMq:VirtualHost"] = virtualHost,
            ["Clock:Speed"] = "14400",
            ["Clock:Origin"] = DateTimeOffset.UtcNow.ToString("O"),
            ["Deadlines:Interval"] = "00:00:00.200",
        });
        try
        {
            await assignment.CopyDirectoryFromAsync(system.Intake);
            var clock = assignment.App.Services.GetRequiredService<TimeProvider>();
            Assert.IsType<AcceleratedClock>(clock);
            var caseId = NewId.NextGuid();
            await assignment.App.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered
            {
                CaseId = caseId, CaseNumber = $"320106-2026-7{Random.Shared.Next(0, 99999):D5}", Channel = "visit", RegionCode = "320106",
                Category = "grievance", Topic = "labour", Summary = "training drill", PetitionerCount = 1, LawRelated = false,
                ReceivingUnit = "nanjing-petition-bureau", Clerk = "trainer", ReceivedAt = clock.GetUtcNow(), OccurredAt = clock.GetUtcNow(),
                OtherRegionCodes = [],
            });
            var api = new Coordination.Grpc.Assignment.AssignmentService.AssignmentServiceClient(assignment.Channel);
            var acknowledge = await Eventually.UntilAsync(
                async () => (await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId.ToString() }, Callers.Bureau())).Deadlines
                    .FirstOrDefault(d => d.Step == "acknowledge"),
                d => d is { ReminderSentAt: not null, OverdueSentAt: not null },
                "the acknowledgement limit reminded and overdue on the drill's clock", TimeSpan.FromSeconds(90));
            Assert.True(acknowledge!.OverdueSentAt.ToDateTimeOffset() >= acknowledge.DueAt.ToDateTimeOffset());
        }
        finally
        {
            await assignment.StopAsync();
            await system.Infra.DeleteVirtualHostAsync(virtualHost);
        }
    }
}
