using System.Diagnostics;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The outbox survives a crash: a real Intake process commits a registration with its relay switched off
/// (so it dies after the commit and before publishing), is killed, and a restarted Intake delivers the message.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_intake_process_dies_before_publishing(SystemFixture system)
{
    [Fact]
    public async Task The_restarted_service_delivers_the_message_exactly_once_in_effect()
    {
        const string database = "intake_crash";
        // Another Intake database numbers cases on its own: a region of its own keeps case numbers unique.
        const string Region = "320111";
        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        using var process = StartIntakeProcess(database, grpcPort, httpPort);
        string caseId;
        try
        {
            using var http = new HttpClient();
            await Eventually.UntilAsync(async () => (await http.GetAsync($"http://127.0.0.1:{httpPort}/health/ready")).IsSuccessStatusCode,
                ok => ok, "the Intake process to be ready", TimeSpan.FromSeconds(60));
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            var reply = await new IntakeService.IntakeServiceClient(channel).RegisterPetitionAsync(Petitions.Valid(region: Region), Callers.Clerk());
            caseId = reply.CaseId;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var restarted = await system.StartIntakeAsync(database);
        Assert.Equal(1, await restarted.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = $1", Guid.Parse(caseId)));

        var assignment = new AssignmentService.AssignmentServiceClient(system.Assignment.Channel);
        var handling = await Eventually.UntilAsync(
            () => assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Callers.Bureau()).ResponseAsync,
            c => c.Case.Assignments.Count > 0, "Assignment to route the case after the restart");
        Assert.Single(handling.Case.Assignments);
        await Eventually.UntilAsync(() => restarted.CountAsync("SELECT count(*) FROM outbox_messages"), n => n == 0, "the outbox to drain");
        await Eventually.UntilAsync(() => TimelineCountAsync(caseId, "CaseAssigned"), n => n == 1, "CaseAssigned on the timeline");
        Assert.Equal(1, await TimelineCountAsync(caseId, "PetitionRegistered"));
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM assignments WHERE \"CaseId\" = $1", Guid.Parse(caseId)));
    }

    private Task<long> TimelineCountAsync(string caseId, string kind) => system.Reporting.CountAsync(
        "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = $2", Guid.Parse(caseId), kind);

    private Process StartIntakeProcess(string database, int grpcPort, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Coordination.Intake.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var settings = system.SettingsFor(database, grpcPort, httpPort);
        settings["Outbox:RelayEnabled"] = "false";
        settings["RabbitMq:EndpointPrefix"] = "intake-crash";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Intake");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
