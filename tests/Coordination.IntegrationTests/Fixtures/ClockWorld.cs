using Coordination.Assignment;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Time;
using Coordination.Contracts.Intake;
using Coordination.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.Reporting;
using Coordination.Reporting.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// Assignment and Reporting on a fake clock, in a virtual host of their own: tests move time instead of
/// sleeping. Starts Monday 28 September 2026, 09:00 in Nanjing, just before the National Day holidays.
/// </summary>
public sealed class ClockWorld(SystemFixture system, string name) : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(Start.ToUniversalTime()); // PostgreSQL takes UTC instants only
    public string VirtualHost { get; } = $"{system.RunId}-clock-{name}";
    public ServiceInstance Assignment { get; private set; } = null!;
    public ServiceInstance Reporting { get; private set; } = null!;
    private readonly List<ServiceInstance> _instances = [];

    public static async Task<ClockWorld> StartAsync(SystemFixture system, string name)
    {
        var world = new ClockWorld(system, name);
        await world.StartAsync();
        return world;
    }

    private async Task StartAsync()
    {
        await system.Infra.CreateVirtualHostAsync(VirtualHost);
        Reporting = await StartReportingAsync();
        Assignment = await StartAssignmentAsync();
    }

    /// <summary>Another Assignment replica on the same database and clock (a restart, or a second scanner).</summary>
    public async Task<ServiceInstance> StartAssignmentAsync()
    {
        var instance = await system.StartAsync<AssignmentDb>($"assignment_clock_{name}", (args, configure) => AssignmentService.Build(args, b =>
        {
            configure?.Invoke(b);
            b.Services.AddSingleton<TimeProvider>(Clock);
        }), Settings());
        return await TrackAsync(instance);
    }

    /// <summary>Legal diversion on the same fake clock, for supervision orders that fall overdue.</summary>
    public async Task<ServiceInstance> StartLegalDiversionAsync()
    {
        var instance = await system.StartAsync<LegalDiversionDb>($"legal_clock_{name}", (args, configure) => LegalDiversionService.Build(args, b =>
        {
            configure?.Invoke(b);
            b.Services.AddSingleton<TimeProvider>(Clock);
        }), Settings());
        return await TrackAsync(instance);
    }

    /// <summary>Joint meetings on the same fake clock.</summary>
    public async Task<ServiceInstance> StartJointMeetingAsync()
    {
        var instance = await system.StartAsync<JointMeetingDb>($"joint_clock_{name}", (args, configure) => JointMeetingService.Build(args, b =>
        {
            configure?.Invoke(b);
            b.Services.AddSingleton<TimeProvider>(Clock);
        }), Settings());
        return await TrackAsync(instance);
    }

    private async Task<ServiceInstance> StartReportingAsync()
    {
        var instance = await system.StartAsync<ReportingDb>($"reporting_clock_{name}", ReportingService.Build, Settings());
        return await TrackAsync(instance);
    }

    /// <summary>Stopped with the world; knows the directory's units, as the main services learned them.</summary>
    private async Task<ServiceInstance> TrackAsync(ServiceInstance instance)
    {
        await instance.CopyDirectoryFromAsync(system.Intake);
        _instances.Add(instance);
        return instance;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["RabbitMq:VirtualHost"] = VirtualHost,
        ["Deadlines:Interval"] = "00:00:00.100",
    };

    public DeadlineScanner<AssignmentDb> Scanner(ServiceInstance assignment) => assignment.App.Services.GetRequiredService<DeadlineScanner<AssignmentDb>>();

    /// <summary>Stands in for Intake: registers a case in this world now (fake time).</summary>
    public async Task<Guid> RegisterAsync(string region = "320106", string topic = "labour", bool leaderInstructed = false, IReadOnlyList<string>? otherRegions = null,
        bool longStanding = false)
    {
        var caseId = NewId.NextGuid();
        await Assignment.App.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered
        {
            CaseId = caseId, CaseNumber = $"{region}-2026-8{Random.Shared.Next(0, 99999):D5}", Channel = "visit", RegionCode = region,
            Category = "grievance", Topic = topic, Summary = "clock world", PetitionerCount = 1, LawRelated = false, ReceivingUnit = "nanjing-petition-bureau",
            Clerk = "test", ReceivedAt = Clock.GetUtcNow(), OccurredAt = Clock.GetUtcNow(), LeaderInstructed = leaderInstructed, LongStandingPetitioner = longStanding,
            OtherRegionCodes = otherRegions ?? [],
        });
        return caseId;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances) await instance.StopAsync();
        await system.Infra.DeleteVirtualHostAsync(VirtualHost);
    }
}
