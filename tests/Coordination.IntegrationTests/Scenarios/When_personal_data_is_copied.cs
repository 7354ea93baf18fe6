using System.Text.RegularExpressions;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.Intake.Domain;
using Coordination.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// A petition's content stays with Intake: Reporting's event log keeps of a registration only what its reports read
/// (no summary, no accused unit), and Redis's copy of a petitioner's cases holds keyed bigram hashes, not the text.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_personal_data_is_copied(SystemFixture system)
{
    private const string Matter = "小区电梯长期故障无人维修，物业拒不处理，要求责令维修";
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task Reporting_logs_a_registration_without_its_summary_or_accused_unit()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing", summary: Matter);
        request.Category = Category.Accusation;
        request.AccusedUnit = "xuanwu-housing-office";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var caseId = Guid.Parse(registered.CaseId);

        await Eventually.UntilAsync(() => system.Reporting.CountAsync(
            "SELECT count(*) FROM event_log WHERE \"CaseId\" = $1 AND \"MessageType\" LIKE 'Coordination.Contracts.Intake.PetitionRegistered,%'", caseId),
            n => n == 1, "the registration to be logged");
        Assert.Equal(0, await system.Reporting.CountAsync(
            "SELECT count(*) FROM event_log WHERE \"CaseId\" = $1 AND (\"Body\"::jsonb->>'summary' <> '' OR coalesce(\"Body\"::jsonb->>'accusedUnit', '') <> '')",
            caseId));
        // The reports still have what they read: the timeline names the registration.
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        await Eventually.UntilAsync(() => reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "PetitionRegistered" && e.Detail.Contains("topic housing")), "the registration on the timeline");
    }

    [Fact]
    public async Task Redis_keeps_a_fingerprint_of_the_matter_not_its_text()
    {
        var person = IdNumbers.New();
        await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person, summary: Matter), Callers.Clerk());
        var repeat = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person, summary: Matter + "。"), Callers.Clerk()); // reads and copies the cases
        Assert.Equal(Outcome.Repeat, repeat.Outcome);

        var identity = new IdentityNumbers("pepper-of-test-run-" + system.RunId).Hash(person);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(system.Infra.Redis);
        var copy = await Eventually.UntilAsync(() => redis.GetDatabase().HashGetAllAsync($"intake:identity:v2:{identity}"), e => e.Length > 0,
            "the petitioner's cases copied to Redis");
        Assert.False(await redis.GetDatabase().KeyExistsAsync($"intake:identity:{identity}"));
        var normalised = MatterText.Normalize(Matter);
        foreach (var entry in copy)
        {
            var text = Regex.Unescape(entry.Value.ToString());
            Assert.DoesNotContain(normalised[..4], text);
            Assert.DoesNotContain(Matter[..4], text);
        }
    }
}
