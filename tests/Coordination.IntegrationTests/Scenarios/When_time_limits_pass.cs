using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Coordination.IntegrationTests.Fixtures;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The deadline ladder on a fake clock: reminder at 80%, 催办 after the limit, 督办 five working days later.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_time_limits_pass(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public async Task Each_rung_fires_once_across_a_holiday_and_a_scanner_restart()
    {
        await using var world = await ClockWorld.StartAsync(system, "ladder");
        var caseId = await world.RegisterAsync();
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        var deadlines = await DeadlinesAsync(api, caseId, d => d.Count == 2);

        // Handed over Monday 28 September 09:00; three working days skip the National Day holidays (1-7 October).
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, Cst), Step(deadlines, "acknowledge").DueAt.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 0, 0, 0, Cst), Step(deadlines, "accept_notice").DueAt.ToDateTimeOffset());

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 7, 12, 0, 0, Cst).ToUniversalTime()); // past 80% of the acknowledgement limit
        deadlines = await DeadlinesAsync(api, caseId, d => Step(d, "acknowledge").ReminderSentAt is not null);
        Assert.Null(Step(deadlines, "acknowledge").OverdueSentAt);
        Assert.Null(Step(deadlines, "accept_notice").ReminderSentAt);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 9, 8, 0, 0, Cst).ToUniversalTime()); // the day after the limit: 催办
        await DeadlinesAsync(api, caseId, d => Step(d, "acknowledge").OverdueSentAt is not null);

        await world.Assignment.StopAsync(); // the scanner goes down...
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 19, 8, 0, 0, Cst).ToUniversalTime()); // ...while 督办 (17 October) and accept_notice's rungs fall due
        var restarted = await world.StartAssignmentAsync();
        api = new AssignmentService.AssignmentServiceClient(restarted.Channel);
        deadlines = await DeadlinesAsync(api, caseId, d => Step(d, "acknowledge").SupervisionSentAt is not null && Step(d, "accept_notice").OverdueSentAt is not null);
        Assert.Null(Step(deadlines, "accept_notice").SupervisionSentAt);

        await Eventually.UntilAsync(() => LadderAsync(world, caseId), l => l == (2, 2, 1), "2 reminders, 2 催办 and 1 督办 on the timeline");
        // Scanned again: nothing more fires. A rung fired now would be on the timeline before the limits' clearing below
        // (a case's events leave Assignment's outbox in the order written, and Reporting folds its queue in order), so
        // the ladder is counted again once that clearing has arrived, instead of after a sleep.
        for (var i = 0; i < 3; i++) await world.Scanner(restarted).ScanOnceAsync(CancellationToken.None);
        Assert.Equal((2, 2, 1), await LadderAsync(world, caseId));

        // The overdue list: both limits past, counted in Nanjing days to now, with the rungs each received.
        var reports = new ReportingService.ReportingServiceClient(world.Reporting.Channel);
        var asOf = new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()), UnitCode = LabourBureau };
        var overdue = await reports.GetOverdueListAsync(asOf, Bureau);
        Assert.Equal([("acknowledge", 11, 1, 1, 1, ""), ("accept_notice", 6, 1, 1, 0, "")],
            overdue.Items.Select(i => (i.Step, i.DaysOverdue, i.Reminders, i.Urges, i.Supervisions, i.ResponsiblePerson)));
        Assert.Equal((LabourBureau, 2, 11, 2, 1), overdue.ByUnit.Select(u => (u.UnitCode, u.Items, u.MaxDaysOverdue, u.Urges, u.Supervisions)).Single());

        // Signed for late: that limit leaves the list, and whoever signed is now the responsible person.
        var flow = new CaseFlow(restarted.Channel);
        var assignment = await flow.AssignmentOfAsync(caseId);
        await flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, Unit);
        overdue = await Eventually.UntilAsync(() => reports.GetOverdueListAsync(asOf, Bureau).ResponseAsync, o => o.Items.Count == 1 && o.Items[0].ResponsiblePerson != "",
            "the acknowledged limit to leave the overdue list");
        Assert.Equal(("accept_notice", $"{Roles.Department}-{LabourBureau}"), (overdue.Items[0].Step, overdue.Items[0].ResponsiblePerson));
        await flow.Api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = assignment.AssignmentId }, Unit);
        await Eventually.UntilAsync(() => reports.GetOverdueListAsync(asOf, Bureau).ResponseAsync, o => o.Items.Count == 0, "an empty overdue list");
        Assert.Equal(2, await world.Reporting.CountAsync("SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'DeadlineCleared' AND \"CaseId\" = $1", caseId));
        Assert.Equal((2, 2, 1), await LadderAsync(world, caseId)); // written after the repeated scans: nothing they could have fired is still on its way
    }

    [Fact]
    public async Task Two_scanners_at_once_fire_each_reminder_once()
    {
        await using var world = await ClockWorld.StartAsync(system, "replicas");
        var second = await world.StartAssignmentAsync();
        var cases = new List<Guid>();
        for (var i = 0; i < 20; i++) cases.Add(await world.RegisterAsync());
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        foreach (var caseId in cases) await DeadlinesAsync(api, caseId, d => d.Count == 2);

        using var settling = new Settling([world.Assignment, second], [world.Reporting]);
        world.Clock.Advance(TimeSpan.FromDays(20)); // every reminder and 催办 of both limits is due
        await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => new[]
        {
            world.Scanner(world.Assignment).ScanOnceAsync(CancellationToken.None), world.Scanner(second).ScanOnceAsync(CancellationToken.None),
        }));

        var kinds = new[] { "DeadlineApproaching", "DeadlineMissed" };
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
                "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = ANY($1) AND \"CaseId\" = ANY($2)", kinds, cases.ToArray()),
            n => n == 80, "20 cases x 2 limits x (reminder + 催办) on the timeline");
        // A rung fired twice would be out and folded by now (instead of a 500 ms sleep).
        await settling.UntilSettledAsync(cases, typeof(Coordination.Contracts.Assignment.DeadlineApproaching), typeof(Coordination.Contracts.Assignment.DeadlineMissed));
        Assert.Equal(80, await world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = ANY($1) AND \"CaseId\" = ANY($2)", kinds, cases.ToArray()));
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("explained")]
    [InlineData("not_supported")]
    public async Task A_replied_case_closes_with_its_outcome_when_the_review_window_passes(string outcome)
    {
        await using var world = await ClockWorld.StartAsync(system, "close-" + outcome.Replace('_', '-'));
        var caseId = await world.RegisterAsync();
        var flow = new CaseFlow(world.Assignment.Channel);
        var replied = await flow.RepliedAsync(await flow.AssignmentOfAsync(caseId), outcome);
        Assert.Equal("replied", replied.Status);

        world.Clock.Advance(TimeSpan.FromDays(29));
        await world.Scanner(world.Assignment).ScanOnceAsync(CancellationToken.None); // a scan at day 29 closes nothing
        Assert.Equal("replied", (await flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId.ToString() }, Bureau)).Case.Status);

        world.Clock.Advance(TimeSpan.FromDays(3));
        var closed = await Eventually.UntilAsync(() => flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId.ToString() }, Bureau).ResponseAsync,
            c => c.Case.Status == "closed", "the case to close after the review window");
        Assert.Equal(outcome, closed.Case.Outcome);
        Assert.False(closed.Case.Final);
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'CaseClosed' AND \"CaseId\" = $1", caseId), n => n == 1, "CaseClosed on the timeline");
    }

    private static DeadlineView Step(IEnumerable<DeadlineView> deadlines, string step) => deadlines.Single(d => d.Step == step);

    private static async Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(AssignmentService.AssignmentServiceClient api, Guid caseId, Func<IReadOnlyList<DeadlineView>, bool> holds) =>
        await Eventually.UntilAsync(async () => (IReadOnlyList<DeadlineView>)(await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId.ToString() }, Bureau)).Deadlines,
            holds, $"the deadlines of case {caseId}");

    private static async Task<(long, long, long)> LadderAsync(ClockWorld world, Guid caseId)
    {
        Task<long> Count(string kind) => world.Reporting.CountAsync("SELECT count(*) FROM timeline_entries WHERE \"Kind\" = $1 AND \"CaseId\" = $2", kind, caseId);
        return (await Count("DeadlineApproaching"), await Count("DeadlineMissed"), await Count("SupervisionIssued"));
    }
}
