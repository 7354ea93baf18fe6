using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Case ownership (包案, §12, ADR 27) on a fake clock: a leader owns a long-standing petitioner's case with a plan and
/// joint units; a progress note is due every N working days; a late one is reminded and urged (催办) through the deadline
/// ladder and shows on the leader's dashboard and the overdue list; the late note clears it; the ownership ends with its case.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_leader_owns_a_case(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Metadata ViceMayor = Callers.Leader("nanjing-gov", "320100", "孙立新", "副市长");

    [Fact]
    public async Task A_late_progress_note_is_reminded_urged_and_cleared_by_the_note()
    {
        await using var world = await ClockWorld.StartAsync(system, "ownership");
        var caseId = (await world.RegisterAsync(longStanding: true)).ToString();
        var ordinary = (await world.RegisterAsync()).ToString();
        var owners = new CaseOwnershipService.CaseOwnershipServiceClient(world.Assignment.Channel);
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        await DeadlinesAsync(api, caseId, d => d.Count == 2); // both cases opened (and handed over as usual)
        await DeadlinesAsync(api, ordinary, d => d.Count == 2);

        // Only a long-standing petitioner's case is owned; bad fields are each named and change nothing.
        await Refused(() => owners.TakeCaseOwnershipAsync(Take(ordinary), ViceMayor).ResponseAsync, StatusCode.FailedPrecondition,
            "OwnershipNeedsLongStandingPetitioner");
        var bad = await Refused(() => owners.TakeCaseOwnershipAsync(new TakeCaseOwnershipRequest
        {
            CaseId = caseId, Plan = " ", JointUnits = { "nanjing-labour-bureau", "no-such-unit" }, ProgressEveryWorkingDays = 61,
        }, ViceMayor).ResponseAsync, StatusCode.InvalidArgument);
        Assert.Equal(new[] { "joint_units[1]", "plan", "progress_every_working_days" },
            bad.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order().ToArray());
        await Refused(() => owners.TakeCaseOwnershipAsync(Take(caseId), Bureau).ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => owners.TakeCaseOwnershipAsync(Take(caseId), Callers.Leader("suzhou-gov", "320500")).ResponseAsync, StatusCode.NotFound);
        Assert.Empty((await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest(), ViceMayor)).Ownerships);

        // Monday 28 September 09:00: five working days skip the National Day holidays and end with Saturday 10 October (worked).
        var taken = (await owners.TakeCaseOwnershipAsync(Take(caseId), ViceMayor)).Ownership;
        Assert.Equal(("leader-nanjing-gov", "孙立新（副市长）", "nanjing-gov", 5), (taken.Leader, taken.LeaderName, taken.LeaderUnit, taken.ProgressEveryWorkingDays));
        Assert.Equal(new[] { "nanjing-labour-bureau", "xuanwu-gov" }, taken.JointUnits.ToArray());
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 0, 0, 0, Cst), taken.NextProgressDueAt.ToDateTimeOffset());
        await Refused(() => owners.TakeCaseOwnershipAsync(Take(caseId), Callers.Leader("xuanwu-housing-office", "320100")).ResponseAsync,
            StatusCode.FailedPrecondition, "CaseAlreadyOwned");

        // A note on time, before the reminder (Thursday 8 October, 10:00): the next is due five working days on, by the end of
        // Wednesday 14 October (Saturday 10 October is worked).
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Cst).ToUniversalTime());
        var noted = (await owners.RecordOwnershipProgressAsync(new RecordOwnershipProgressRequest
            { OwnershipId = taken.OwnershipId, Note = "已召集住建、街道联合约谈，制定补偿方案" }, ViceMayor)).Ownership;
        Assert.Equal((1, new DateTimeOffset(2026, 10, 15, 0, 0, 0, Cst)), (noted.Notes, noted.NextProgressDueAt.ToDateTimeOffset()));
        // Nobody but the owning leader records its notes.
        await Refused(() => owners.RecordOwnershipProgressAsync(new RecordOwnershipProgressRequest { OwnershipId = taken.OwnershipId, Note = "代记" },
            Callers.Leader("xuanwu-housing-office", "320100")).ResponseAsync, StatusCode.NotFound);

        // Thursday 15 October: the note is late. Reminder and 催办 fire once each, on the timeline and the overdue list.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 8, 0, 0, Cst).ToUniversalTime());
        var late = await DeadlinesAsync(api, caseId, d => d.Any(x => x.Step == "ownership_progress" && x.MetAt is null && x.OverdueSentAt is not null));
        Assert.Equal(2, late.Count(d => d.Step == "ownership_progress")); // the met one and the late one
        Assert.Equal("nanjing-gov", late.Single(d => d.Step == "ownership_progress" && d.MetAt is null).UnitCode);
        await Eventually.UntilAsync(() => RungsAsync(world, caseId), r => r == (1, 1), "one reminder and one 催办 on the timeline");

        var dashboard = (await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest(), ViceMayor)).Ownerships.Single();
        Assert.Equal((caseId, true, "已召集住建、街道联合约谈，制定补偿方案"), (dashboard.CaseId, dashboard.Overdue, dashboard.LastNote));
        Assert.Empty((await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest(), Callers.Leader("xuanwu-housing-office", "320100"))).Ownerships);
        Assert.Contains((await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest(), Bureau)).Ownerships, o => o.OwnershipId == taken.OwnershipId);

        var reports = new ReportingService.ReportingServiceClient(world.Reporting.Channel);
        var asOf = new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()), UnitCode = "nanjing-gov" };
        var overdue = await Eventually.UntilAsync(() => reports.GetOverdueListAsync(asOf, Bureau).ResponseAsync, o => o.Items.Count == 1, "the late note overdue");
        Assert.Equal(("ownership_progress", 1, 1), (overdue.Items[0].Step, overdue.Items[0].Reminders, overdue.Items[0].Urges));

        // The late note is in: the limit is met (DeadlineCleared), the next one starts, the dashboard is on time again.
        var caughtUp = (await owners.RecordOwnershipProgressAsync(new RecordOwnershipProgressRequest
            { OwnershipId = taken.OwnershipId, Note = "补偿方案已公示，信访人表示接受" }, ViceMayor)).Ownership;
        Assert.Equal((2, false), (caughtUp.Notes, caughtUp.Overdue));
        await Eventually.UntilAsync(() => reports.GetOverdueListAsync(asOf, Bureau).ResponseAsync, o => o.Items.Count == 0, "the overdue list to clear");
        var kinds = (await Eventually.UntilAsync(() => reports.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, Bureau).ResponseAsync,
            t => t.Entries.Count(e => e.Kind == "OwnershipProgressRecorded") == 2, "both notes on the timeline")).Entries.Select(e => e.Kind).ToList();
        Assert.Equal(1, kinds.Count(k => k == "CaseOwnershipTaken"));
        Assert.Contains("DeadlineCleared", kinds);

        // The case is answered and its review window passes unused: it closes, and the ownership ends with it.
        var flow = new CaseFlow(world.Assignment.Channel);
        await flow.RepliedAsync(await flow.AssignmentOfAsync(Guid.Parse(caseId)));
        world.Clock.Advance(TimeSpan.FromDays(40));
        var ended = await Eventually.UntilAsync(async () => (await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest(), ViceMayor)).Ownerships.Single(),
            o => o.EndedAt is not null, "the ownership to end with its case");
        Assert.False(ended.Overdue); // its next note's limit is long past, but none is due any more
        Assert.All((await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, Bureau)).Deadlines.Where(d => d.Step == "ownership_progress"),
            d => Assert.NotNull(d.MetAt));
        await Refused(() => owners.RecordOwnershipProgressAsync(new RecordOwnershipProgressRequest { OwnershipId = taken.OwnershipId, Note = "回访" }, ViceMayor)
            .ResponseAsync, StatusCode.FailedPrecondition, "OwnershipEnded");
    }

    private static TakeCaseOwnershipRequest Take(string caseId) => new()
    {
        CaseId = caseId, Plan = "副市长包案：联合住建、街道逐项核实补偿诉求，一月内提出处理意见", JointUnits = { "Nanjing Labour Bureau", "xuanwu-gov", "xuanwu_gov" },
        ProgressEveryWorkingDays = 5,
    };

    private static async Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(AssignmentService.AssignmentServiceClient api, string caseId,
        Func<IReadOnlyList<DeadlineView>, bool> holds) =>
        await Eventually.UntilAsync(async () => (IReadOnlyList<DeadlineView>)(await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, Bureau))
            .Deadlines, holds, $"the deadlines of case {caseId}");

    private static async Task<(long, long)> RungsAsync(ClockWorld world, string caseId)
    {
        Task<long> Count(string kind) => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = $1 AND \"CaseId\" = $2 AND \"Detail\" LIKE '%ownership_progress%'", kind, Guid.Parse(caseId));
        return (await Count("DeadlineApproaching"), await Count("DeadlineMissed"));
    }
}
