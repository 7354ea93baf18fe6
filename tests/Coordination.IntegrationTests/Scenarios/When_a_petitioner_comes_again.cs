using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using StackExchange.Redis;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Repeats (重信重访: same person + same matter) are linked to the earlier case; anything else is a new case.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_petitioner_comes_again(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task The_same_person_on_the_same_matter_is_linked_as_a_repeat()
    {
        var person = IdNumbers.New();
        var first = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk());
        // Retold a little differently, by letter this time.
        var again = Petitions.Valid(idNumber: person, summary: "拆迁补偿款至今未按协议支付，要求按协议足额补偿 (relocation compensation still unpaid)");
        again.Channel = Channel.Letter;

        var repeat = await Intake.RegisterPetitionAsync(again, Callers.Clerk());

        Assert.Equal(Outcome.Repeat, repeat.Outcome);
        Assert.Equal(first.CaseId, repeat.CaseId);
        Assert.Equal(first.CaseNumber, repeat.CaseNumber);
        Assert.NotEqual(first.RegistrationId, repeat.RegistrationId);
        Assert.Equal(first.CaseNumber, repeat.EarlierCase.CaseNumber);
        Assert.InRange(repeat.EarlierCase.Similarity, 0.5, 1.0);
        Assert.Contains("same petitioner", repeat.EarlierCase.Explanation);
        var timeline = await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel)
                .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = first.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "PetitionLinkedAsRepeat"), "the repeat on the earlier case's timeline");
        Assert.Single(timeline.Entries, e => e.Kind == "PetitionRegistered");
        var notACase = await Assert.ThrowsAsync<RpcException>(() => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
            .GetCaseAsync(new GetCaseRequest { CaseId = repeat.RegistrationId }, Callers.Bureau()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notACase.StatusCode);
    }

    [Fact]
    public async Task The_same_person_on_another_matter_opens_a_new_case()
    {
        var person = IdNumbers.New();
        var first = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk());
        var otherTopic = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person, topic: "labour"), Callers.Clerk());
        var otherText = await Intake.RegisterPetitionAsync(
            Petitions.Valid(idNumber: person, summary: "小区物业违规收取停车费，要求退还 (parking fees)"), Callers.Clerk());
        Assert.All([otherTopic, otherText], r => Assert.Equal(Outcome.Registered, r.Outcome));
        Assert.Equal(3, new[] { first.CaseId, otherTopic.CaseId, otherText.CaseId }.Distinct().Count());
    }

    [Fact]
    public async Task Another_person_on_the_same_matter_opens_a_new_case()
    {
        var first = await Intake.RegisterPetitionAsync(Petitions.Valid(), Callers.Clerk());
        var neighbour = await Intake.RegisterPetitionAsync(Petitions.Valid(), Callers.Clerk());
        Assert.Equal(Outcome.Registered, neighbour.Outcome);
        Assert.NotEqual(first.CaseId, neighbour.CaseId);
    }

    [Fact]
    public async Task A_flushed_Redis_still_finds_the_repeat()
    {
        var person = IdNumbers.New();
        var first = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk());
        await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person, topic: "labour"), Callers.Clerk()); // warms the cache
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(system.Infra.Redis + ",allowAdmin=true"))
            foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "intake:identity:*"))
                await redis.GetDatabase().KeyDeleteAsync(key);

        var repeat = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk());

        Assert.Equal(Outcome.Repeat, repeat.Outcome);
        Assert.Equal(first.CaseId, repeat.CaseId);
    }

    [Fact]
    public async Task Simultaneous_visits_by_one_person_on_one_matter_open_one_case()
    {
        var person = IdNumbers.New();
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk()).ResponseAsync));
        Assert.Equal(1, replies.Count(r => r.Outcome == Outcome.Registered));
        Assert.Equal(5, replies.Count(r => r.Outcome == Outcome.Repeat));
        Assert.Single(replies.Select(r => r.CaseId).Distinct());
    }

    [Fact]
    public async Task Raising_it_higher_while_it_is_pending_below_is_not_accepted()
    {
        var person = IdNumbers.New();
        var county = Callers.Clerk("xuanwu-petition-office", "320102");
        var pending = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), county);

        var skipLevel = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: person), Callers.Clerk("nanjing-petition-bureau", "320100"));

        Assert.Equal(Outcome.NotAccepted, skipLevel.Outcome);
        Assert.Equal("SKIP_LEVEL_PENDING_BELOW", skipLevel.NotAcceptedReason);
        Assert.Contains(pending.CaseNumber, skipLevel.Notice);
        Assert.Contains("xuanwu-petition-office", skipLevel.Notice);
        Assert.NotEqual(pending.CaseNumber, skipLevel.CaseNumber);
        Assert.Equal(pending.CaseId, skipLevel.EarlierCase.CaseId);
        var status = await Intake.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = skipLevel.QueryCode });
        Assert.Equal("not_accepted", status.Status);
        Assert.Equal(skipLevel.Notice, status.Notice);
        var timeline = await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel)
                .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = skipLevel.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Count > 0, "the not-accepted case's timeline");
        Assert.Equal("PetitionNotAccepted", Assert.Single(timeline.Entries).Kind);
        var assignment = await Assert.ThrowsAsync<RpcException>(() => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
            .GetCaseAsync(new GetCaseRequest { CaseId = skipLevel.CaseId }, Callers.Bureau()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, assignment.StatusCode);
    }
}
