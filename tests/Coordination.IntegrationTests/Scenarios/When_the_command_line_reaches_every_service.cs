using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The shipped client (issue 18) against the running services: a method command and a short command take a case number for
/// the case id, a list prints as a table, a notification stream prints what comes, a recusal is declared from it, and a
/// failure exits non-zero with its reason.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_command_line_reaches_every_service(SystemFixture system)
{
    private Dictionary<string, string> Addresses => new()
    {
        ["COORD_INTAKE"] = $"http://127.0.0.1:{system.Intake.GrpcPort}", ["COORD_ASSIGNMENT"] = $"http://127.0.0.1:{system.Assignment.GrpcPort}",
        ["COORD_LEGAL"] = $"http://127.0.0.1:{system.LegalDiversion.GrpcPort}", ["COORD_JOINT_MEETING"] = $"http://127.0.0.1:{system.JointMeeting.GrpcPort}",
        ["COORD_REPORTING"] = $"http://127.0.0.1:{system.Reporting.GrpcPort}", ["COORD_DIRECTORY_GRPC"] = $"http://127.0.0.1:{system.Directory.GrpcPort}",
    };

    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task A_case_is_read_by_its_number_listed_as_a_table_and_its_notice_streams_as_it_comes()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o");
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(registered.CaseId), Callers.Department("xuanwu-housing-office", "320102"));
        var bureau = TestTokens.Mint("bureau-cli", Roles.Bureau, "nanjing-petition-bureau", "320100");
        var department = TestTokens.Mint("dept-cli", Roles.Department, "xuanwu-housing-office", "320102");

        var byMethod = await CoordCli.RunAsync(system, Addresses, "--token", bureau, "assignment", "get-case", "--case-id", registered.CaseNumber, "--json");
        Assert.Contains($"\"caseId\": \"{registered.CaseId}\"", byMethod);
        var byShortCommand = await CoordCli.RunAsync(system, Addresses, "--token", bureau, "case", registered.CaseNumber);
        Assert.Contains(registered.CaseId, byShortCommand);

        var table = await CoordCli.RunAsync(system, Addresses, "--token", department, "assignments");
        Assert.Contains("assignment_id", table);
        Assert.Contains(registered.CaseNumber, table);
        Assert.Matches(@"\d+ entr(y|ies)", table);

        var streamed = await Eventually.UntilAsync(() => CoordCli.RunAsync(system, Addresses, "--token", department, "reporting", "watch-notifications",
            "--since", since, "--for", "3"), output => output.Contains(registered.CaseNumber), "the hand-over's notice on the stream");
        Assert.Contains("\"kind\": \"assigned\"", streamed);
        var (warnings, _, warningsError) = await CoordCli.RunRawAsync(system, Addresses, "--token", bureau, "reporting", "watch-early-warnings",
            "--region-code", "320100", "--for", "2");
        Assert.True(warnings == 0, warningsError);

        var (unknown, _, unknownError) = await CoordCli.RunRawAsync(system, Addresses, "--token", bureau, "assignment", "get-case", "--case-id", "320102-2026-999999");
        Assert.Equal((2, true), (unknown, unknownError.Contains("no case 320102-2026-999999")));
        var (unreachable, _, unreachableError) = await CoordCli.RunRawAsync(system, new Dictionary<string, string>(Addresses) { ["COORD_REPORTING"] = "http://127.0.0.1:9" },
            "--token", bureau, "timeline", registered.CaseId);
        Assert.Equal((1, true), (unreachable, unreachableError.Contains("cannot reach http://127.0.0.1:9")));
    }

    [Fact]
    public async Task A_clerk_declares_an_interest_by_case_number_and_then_no_longer_finds_the_case()
    {
        using var directory = new DirectorySignIn(system);
        var login = await directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", "Cli-Passw0rd-2026");
        var clerk = await directory.AccessTokenAsync(login, "Cli-Passw0rd-2026");
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        await CoordCli.RunAsync(system, Addresses, "--token", clerk, "petition", registered.CaseNumber);

        var declared = await CoordCli.RunAsync(system, Addresses, "--token", clerk, "declare-interest", registered.CaseNumber, "--reason", "申请人系本人亲属", "--json");
        Assert.Contains("\"source\": \"declared\"", declared);
        Assert.Contains(registered.CaseId, await CoordCli.RunAsync(system, Addresses, "--token", clerk, "recusals", "--json"));

        var (code, _, error) = await Eventually.UntilAsync(() => CoordCli.RunRawAsync(system, Addresses, "--token", clerk, "petition", registered.CaseId),
            r => r.ExitCode != 0, "Intake to keep the clerk away");
        Assert.Equal((1, true), (code, error.Contains("NotFound: case not found")));
    }

    [Fact]
    public async Task A_file_goes_up_and_comes_back_down_through_the_method_commands()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        var assignment = await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(registered.CaseId),
            Callers.Department("xuanwu-housing-office", "320102"));
        var department = TestTokens.Mint("dept-cli", Roles.Department, "xuanwu-housing-office", "320102");
        var upload = Path.GetTempFileName();
        var download = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(upload, "整改情况说明：已按协议支付补偿款。\n" + new string('款', 100_000));
            var sent = await CoordCli.RunAsync(system, Addresses, "--token", department, "assignment", "upload-reply-evidence", "--subject-id", assignment.AssignmentId,
                "--file-name", "说明.txt", "--content-type", "text/plain", "--file", upload);
            var attachmentId = System.Text.RegularExpressions.Regex.Match(sent, "\"attachmentId\": \"([0-9a-f-]{36})\"").Groups[1].Value;
            Assert.NotEqual("", attachmentId);
            await CoordCli.RunAsync(system, Addresses, "--token", department, "assignment", "download-attachment", "--attachment-id", attachmentId, "--output", download);
            Assert.Equal(await File.ReadAllBytesAsync(upload), await File.ReadAllBytesAsync(download));
        }
        finally
        {
            File.Delete(upload);
            File.Delete(download);
        }
    }
}
