using Coordination.Contracts.Intake;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Major events (§11) on a fake clock: opened from an early warning, reported within hours, followed up, a return team sent
/// to Beijing that brings the petitioners home, closed; all on the case's timeline. Left unreported, the event opens an
/// accountability file.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_major_event_is_reported(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private const string BureauLogin = "bureau-petition-bureau-320100", BureauUnit = "petition-bureau-320100";

    [Fact]
    public async Task Followed_up_twice_with_a_team_that_brings_the_petitioners_home_it_closes_on_the_timeline()
    {
        await using var world = await ClockWorld.StartAsync(system, "major");
        var caseId = await CollectiveVisitToBeijingAsync(world, people: 25);
        var events = new MajorEventService.MajorEventServiceClient(world.Assignment.Channel);

        // Reporting raised the collective-visit warning; Assignment keeps it, and the bureau opens the event from it.
        var warning = (await Eventually.UntilAsync(() => events.ListEarlyWarningsAsync(new ListEarlyWarningsRequest(), Bureau).ResponseAsync,
            w => w.EarlyWarnings.Any(x => x.CaseId == caseId.ToString()), "the collective visit's early warning in Assignment"))
            .EarlyWarnings.First(x => x.CaseId == caseId.ToString());
        var opened = (await events.OpenMajorEventAsync(new OpenMajorEventRequest
        {
            EarlyWarningId = warning.EarlyWarningId, Kind = "to_beijing", Title = "25人赴京集体访",
        }, Bureau)).MajorEvent;
        Assert.Equal((caseId.ToString(), "320106", BureauUnit, warning.EarlyWarningId), (opened.CaseId, opened.RegionCode, opened.Unit, opened.EarlyWarningId));
        Assert.Equal(ClockWorld.Start.AddHours(2), opened.FirstReportDueAt.ToDateTimeOffset());

        world.Clock.Advance(TimeSpan.FromMinutes(40));
        var id = opened.MajorEventId;
        var first = (await events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = id, Levels = { "city", "province" }, Content = "首报：25人乘火车赴京" },
            Bureau)).MajorEvent;
        Assert.Equal((1, false), (first.Reports.Single().Sequence, first.Reports.Single().Late));

        // No unit named and no §9 record yet: refused; once the record names the unit, that unit sends the team.
        var dispatch = new DispatchReturnTeamRequest
        {
            MajorEventId = id, Destination = "beijing", People = { "bureau.nanjing", "Staff.Wang" }, DepartAt = Timestamp.FromDateTimeOffset(ClockWorld.Start.AddHours(3)),
        };
        await CaseFlow.Refused(() => events.DispatchReturnTeamAsync(dispatch, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "NoResponsibleUnit");
        await new AssignmentService.AssignmentServiceClient(world.Assignment.Channel).AssignResponsibilityAsync(new AssignResponsibilityRequest
        {
            CaseId = caseId.ToString(), Unit = "Gulou Gov", Group = "赴京劝返专班", Leader = "王副区长", Person = "李科长",
        }, Bureau);
        var dispatched = (await events.DispatchReturnTeamAsync(dispatch, Bureau)).MajorEvent.Dispatches.Single();
        Assert.Equal(("gulou-gov", "bureau.nanjing, staff.wang"), (dispatched.FromUnit, string.Join(", ", dispatched.People)));

        world.Clock.Advance(TimeSpan.FromHours(20));
        await events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = id, Levels = { "province", "central" }, Content = "续报：工作组已抵京劝返" }, Bureau);
        await CaseFlow.Refused(() => events.CloseMajorEventAsync(new CloseMajorEventRequest { MajorEventId = id, Summary = "结束" }, Bureau).ResponseAsync,
            StatusCode.FailedPrecondition, "DispatchStillOut");
        await events.RecordDispatchOutcomeAsync(new RecordDispatchOutcomeRequest
        {
            DispatchId = dispatched.DispatchId, Outcome = "returned", PetitionersReturned = 25, Note = "全部劝返，乘火车返宁",
        }, Bureau);
        await events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = id, Levels = { "province" }, Content = "续报：25人已全部返宁" }, Bureau);
        var closed = (await events.CloseMajorEventAsync(new CloseMajorEventRequest { MajorEventId = id, Summary = "已妥善处置，转入正常办理" }, Bureau)).MajorEvent;
        Assert.Equal([1, 2, 3], closed.Reports.Select(r => r.Sequence));
        Assert.Equal(("returned", 25), (closed.Dispatches.Single().Outcome, closed.Dispatches.Single().PetitionersReturned));
        Assert.NotNull(closed.ClosedAt);
        await CaseFlow.Refused(() => events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = id, Levels = { "city" }, Content = "再报" },
            Bureau).ResponseAsync, StatusCode.FailedPrecondition, "MajorEventClosed");

        string[] kinds = ["MajorEventOpened", "MajorEventReported", "ReturnTeamDispatched", "MajorEventReported", "DispatchOutcomeRecorded", "MajorEventReported",
            "MajorEventClosed"];
        var timeline = await Eventually.UntilAsync(() => new ReportingService.ReportingServiceClient(world.Reporting.Channel)
                .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId.ToString() }, Bureau).ResponseAsync,
            t => t.Entries.Count(e => kinds.Contains(e.Kind)) == kinds.Length, "the major event's seven steps on the timeline");
        Assert.Equal(kinds, timeline.Entries.Where(e => kinds.Contains(e.Kind)).Select(e => e.Kind));
        Assert.Contains("follow-up 1 to province, central", timeline.Entries.Where(e => e.Kind == "MajorEventReported").ElementAt(1).Detail);
        Assert.Contains("bureau.nanjing, staff.wang", timeline.Entries.Single(e => e.Kind == "ReturnTeamDispatched").Detail);

        // Reporting's monthly figures of major events for Gulou (320106), folded from the same events.
        var reports = new ReportingService.ReportingServiceClient(world.Reporting.Channel);
        var month = await Eventually.UntilAsync(() => reports.GetMajorEventReportAsync(new GetMajorEventReportRequest { Month = "2026-09", RegionCode = "320106" },
            Bureau).ResponseAsync, r => r.Regions.Sum(x => x.Closed) >= 1, "the closed event in the major-event report");
        var gulou = month.Regions.Single();
        Assert.Equal((1, 1, 0, 0, 2, 1, 1, 0, 25, 1), (gulou.Opened, gulou.ToBeijing, gulou.ReportedLate, gulou.NotReported, gulou.FollowUps, gulou.Dispatches,
            gulou.DispatchesReturned, gulou.DispatchesNotReturned, gulou.PetitionersReturned, gulou.Closed));

        // Reported in time: the first-report limit was met, so no accountability file, however late it is now.
        world.Clock.Advance(TimeSpan.FromDays(3));
        await world.Scanner(world.Assignment).ScanOnceAsync(CancellationToken.None);
        var files = new AccountabilityService.AccountabilityServiceClient(world.Assignment.Channel);
        Assert.DoesNotContain((await files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest(), Bureau)).Files, f => f.CaseId == caseId.ToString());
    }

    [Fact]
    public async Task Not_reported_in_time_it_opens_an_accountability_file_naming_the_bureau_and_its_reporter()
    {
        await using var world = await ClockWorld.StartAsync(system, "unreported");
        var caseId = await world.RegisterAsync();
        var events = new MajorEventService.MajorEventServiceClient(world.Assignment.Channel);
        await new CaseFlow(world.Assignment.Channel).AssignmentOfAsync(caseId);
        var opened = (await events.OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = caseId.ToString(), Kind = "sudden_incident", Title = "围堵区政府大门" },
            Bureau)).MajorEvent;

        world.Clock.Advance(TimeSpan.FromHours(3));
        var files = new AccountabilityService.AccountabilityServiceClient(world.Assignment.Channel);
        var file = (await Eventually.UntilAsync(() => files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest(), Bureau).ResponseAsync,
            r => r.Files.Any(f => f.CaseId == caseId.ToString()), "the unreported event's accountability file")).Files.Single(f => f.CaseId == caseId.ToString());
        Assert.Equal(("major_event_unreported", BureauUnit, BureauLogin, ""), (file.Rule, file.Unit, file.Person, file.Decision));
        Assert.Contains(file.Evidence, e => e.Contains("围堵区政府大门") && e.Contains(BureauLogin));
        Assert.Contains(file.Evidence, e => e == "首报时限：2026-09-28 11:00");
        Assert.Contains(file.Evidence, e => e.StartsWith("截至 2026-09-28 12:00") && e.EndsWith("未报告"));

        // Reported late: marked so, and the limit leaves the overdue list; the file stays for the bureau to decide.
        var late = (await events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = opened.MajorEventId, Levels = { "city" }, Content = "迟报" },
            Bureau)).MajorEvent;
        Assert.True(late.Reports.Single().Late);
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = ANY($2)", caseId, new[] { "AccountabilityFileOpened", "DeadlineCleared" }),
            n => n == 2, "the file and the late report's clearing on the timeline");
        Assert.Single((await files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest { UndecidedOnly = true }, Bureau)).Files,
            f => f.FileId == file.FileId);
        var month = await Eventually.UntilAsync(() => new ReportingService.ReportingServiceClient(world.Reporting.Channel).GetMajorEventReportAsync(
            new GetMajorEventReportRequest { Month = "2026-09", RegionCode = "320106" }, Bureau).ResponseAsync, r => r.Regions.Sum(x => x.ReportedLate) == 1,
            "the late first report in the major-event report");
        Assert.Equal((1, 1, 1, 0), (month.Regions.Single().Opened, month.Regions.Single().SuddenIncidents, month.Regions.Single().ReportedLate,
            month.Regions.Single().NotReported));
    }

    /// <summary>Stands in for Intake: a collective visit of <paramref name="people"/> to Beijing, registered now (fake time).</summary>
    private static async Task<Guid> CollectiveVisitToBeijingAsync(ClockWorld world, int people)
    {
        var caseId = NewId.NextGuid();
        await world.Assignment.App.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered
        {
            CaseId = caseId, CaseNumber = $"320106-2026-7{Random.Shared.Next(0, 99999):D5}", Channel = "visit", RegionCode = "320106", Category = "grievance",
            Topic = "labour", Summary = "集体讨薪", PetitionerCount = 5, GroupSize = people, ToBeijing = true, LawRelated = false,
            ReceivingUnit = "nanjing-petition-bureau", Clerk = "test", ReceivedAt = world.Clock.GetUtcNow(), OccurredAt = world.Clock.GetUtcNow(),
        });
        await new CaseFlow(world.Assignment.Channel).AssignmentOfAsync(caseId);
        return caseId;
    }
}
