using Coordination.Contracts.Intake;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Accountability (§5, §9) on a fake clock: a hand-over nobody signed for is still open five working days after its 督办,
/// so the rule (data) opens a file naming the unit, with the limit's ladder as evidence; the bureau decides it and the
/// month's register shows it. Bad input is refused per field and other roles are refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_supervision_does_not_help(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_case_still_overdue_after_supervision_opens_a_file_the_bureau_decides_and_the_register_counts()
    {
        await using var world = await ClockWorld.StartAsync(system, "accountable");
        var caseId = await world.RegisterAsync();
        var flow = new CaseFlow(world.Assignment.Channel);
        await flow.AssignmentOfAsync(caseId);
        var files = new AccountabilityService.AccountabilityServiceClient(world.Assignment.Channel);
        async Task<IReadOnlyList<AccountabilityFileView>> FilesAsync() =>
            (await files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest(), Bureau)).Files.Where(f => f.CaseId == caseId.ToString()).ToList();

        // Acknowledgement due 9 October (after the holidays), 催办 then; 督办 five working days later (Sat 10 October is a working day).
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 19, 8, 0, 0, Cst).ToUniversalTime());
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = 'SupervisionIssued'", caseId), n => n == 1, "督办 of the acknowledgement");
        Assert.Empty(await FilesAsync()); // not yet five working days after 督办

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 27, 8, 0, 0, Cst).ToUniversalTime());
        var file = (await Eventually.UntilAsync(FilesAsync, f => f.Any(x => x.Evidence[0].Contains("「acknowledge」")), "the acknowledgement's accountability file"))
            .Single(x => x.Evidence[0].Contains("「acknowledge」"));
        Assert.Equal(("overdue_after_supervision", LabourBureau, "", "320106"), (file.Rule, file.Unit, file.Person, file.RegionCode));
        Assert.Contains(file.Evidence, e => e.StartsWith("催办："));
        Assert.Contains(file.Evidence, e => e.StartsWith("督办："));
        Assert.Contains("签收：无人签收", file.Evidence);
        Assert.Contains(file.Evidence, e => e.Contains("2026-10-09 00:00 到期"));

        // The bureau decides; once only. The register of October counts the unit's files and decisions.
        var reasons = "督办后仍未签收，予以批评教育";
        var decided = (await files.DecideAccountabilityAsync(new DecideAccountabilityRequest { FileId = file.FileId, Decision = "criticism", Reasons = reasons },
            Bureau)).File;
        Assert.Equal(("criticism", reasons, "bureau-petition-bureau-320100"), (decided.Decision, decided.Reasons, decided.DecidedBy));
        await Refused(() => files.DecideAccountabilityAsync(new DecideAccountabilityRequest { FileId = file.FileId, Decision = "circulated_notice", Reasons = "再议" },
            Bureau).ResponseAsync, StatusCode.FailedPrecondition, "AlreadyDecided");

        var register = await files.GetAccountabilityRegisterAsync(new GetAccountabilityRegisterRequest { Month = "2026-10", RegionCode = "320106" }, Bureau);
        var opened = (await FilesAsync()).Count; // the accept-notice limit, also left unmet, may have its own file
        var row = register.Rows.Single(r => r.Unit == LabourBureau);
        Assert.True(row.Opened >= opened && opened >= 1);
        Assert.Equal((1, 0, 0, row.Opened - 1), (row.Criticism, row.CirculatedNotice, row.DisciplineReferral, row.Undecided));
        Assert.DoesNotContain((await files.GetAccountabilityRegisterAsync(new GetAccountabilityRegisterRequest { Month = "2026-09", RegionCode = "320106" }, Bureau)).Rows,
            r => r.Unit == LabourBureau);

        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
                "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = 'AccountabilityDecided'", caseId), n => n == 1,
            "the decision on the timeline");
    }

    [Fact]
    public async Task A_to_Beijing_case_whose_handling_limit_passes_opens_a_file_naming_its_responsibility_record()
    {
        await using var world = await ClockWorld.StartAsync(system, "beijinglate");
        var caseId = NewId.NextGuid();
        await world.Assignment.App.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered
        {
            CaseId = caseId, CaseNumber = $"320106-2026-6{Random.Shared.Next(0, 99999):D5}", Channel = "visit", RegionCode = "320106", Category = "grievance",
            Topic = "labour", Summary = "赴京反映欠薪", PetitionerCount = 1, ToBeijing = true, LawRelated = false, ReceivingUnit = "nanjing-petition-bureau",
            Clerk = "test", ReceivedAt = world.Clock.GetUtcNow(), OccurredAt = world.Clock.GetUtcNow(),
        });
        var flow = new CaseFlow(world.Assignment.Channel);
        await flow.AcceptedAsync(await flow.AssignmentOfAsync(caseId)); // signed for and accepted at once: only the handling limit runs
        await flow.Api.AssignResponsibilityAsync(new AssignResponsibilityRequest
        {
            CaseId = caseId.ToString(), Unit = "gulou-gov", Group = "赴京信访专班", Leader = "王副区长", Person = "李科长",
        }, Bureau);

        // 60 days from 28 September: the limit ends 27 November; 催办 the next morning opens the file (§9: 逾期未报的，要追究责任).
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 8, 0, 0, Cst).ToUniversalTime());
        var files = new AccountabilityService.AccountabilityServiceClient(world.Assignment.Channel);
        var file = (await Eventually.UntilAsync(() => files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest(), Bureau).ResponseAsync,
            r => r.Files.Any(f => f.CaseId == caseId.ToString()), "the late report's accountability file")).Files.Single(f => f.CaseId == caseId.ToString());
        Assert.Equal(("beijing_report_late", "gulou-gov", "李科长"), (file.Rule, file.Unit, file.Person));
        Assert.Contains(file.Evidence, e => e.Contains("「handling」") && e.Contains(LabourBureau));
        Assert.Contains("责任落实（第九条）：责任单位 gulou-gov，责任小组 赴京信访专班，分管领导 王副区长，直接责任人 李科长", file.Evidence);
        Assert.Contains(file.Evidence, e => e.StartsWith("签收：") && e.Contains(LabourBureau));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_other_roles_are_refused()
    {
        await using var world = await ClockWorld.StartAsync(system, "accountrefusals");
        var events = new MajorEventService.MajorEventServiceClient(world.Assignment.Channel);
        var files = new AccountabilityService.AccountabilityServiceClient(world.Assignment.Channel);

        var bad = await Refused(() => events.OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = "abc", Kind = "riot", Title = " " }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument);
        foreach (var field in new[] { "case_id", "kind", "title" }) Assert.Contains(field + ":", bad.Status.Detail);
        bad = await Refused(() => events.DispatchReturnTeamAsync(new DispatchReturnTeamRequest
        {
            MajorEventId = Guid.NewGuid().ToString(), Destination = "moon", FromUnit = "no-such-unit", People = { "Wang Wei!" },
        }, Bureau).ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "destination", "from_unit", "people[0]", "depart_at" }) Assert.Contains(field + ":", bad.Status.Detail);
        bad = await Refused(() => events.ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = "", Levels = { "city", "galaxy" }, Content = "" },
            Bureau).ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "major_event_id", "levels[1]", "content" }) Assert.Contains(field + ":", bad.Status.Detail);
        bad = await Refused(() => files.DecideAccountabilityAsync(new DecideAccountabilityRequest { FileId = "x", Decision = "dismissal" }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument);
        foreach (var field in new[] { "file_id", "decision", "reasons" }) Assert.Contains(field + ":", bad.Status.Detail);
        bad = await Refused(() => files.GetAccountabilityRegisterAsync(new GetAccountabilityRegisterRequest { Month = "2026-13", RegionCode = "32" }, Bureau)
            .ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "month", "region_code" }) Assert.Contains(field + ":", bad.Status.Detail);
        Assert.Empty((await events.ListMajorEventsAsync(new ListMajorEventsRequest(), Bureau)).MajorEvents); // nothing was stored

        // Only the bureau acts; a department, a clerk or a committee is refused, and another city's bureau sees nothing.
        var caseId = await world.RegisterAsync();
        await new CaseFlow(world.Assignment.Channel).AssignmentOfAsync(caseId);
        var open = new OpenMajorEventRequest { CaseId = caseId.ToString(), Kind = "collective_visit", Title = "集体访" };
        await Refused(() => events.OpenMajorEventAsync(open, Unit).ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => events.OpenMajorEventAsync(open, Callers.Clerk()).ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => events.OpenMajorEventAsync(open, Callers.Bureau("320500")).ResponseAsync, StatusCode.NotFound);
        var opened = (await events.OpenMajorEventAsync(open, Bureau)).MajorEvent;
        await Refused(() => events.GetMajorEventAsync(new GetMajorEventRequest { MajorEventId = opened.MajorEventId }, Callers.Bureau("320500")).ResponseAsync,
            StatusCode.NotFound);
        await Refused(() => files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest(), Callers.Committee()).ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => files.SaveAccountabilityRuleAsync(new SaveAccountabilityRuleRequest
            { Rule = new AccountabilityRuleView { Kind = "overdue_after_supervision", Enabled = true, WorkingDays = 5 } }, Bureau).ResponseAsync, StatusCode.PermissionDenied);
        var leader = await events.GetMajorEventAsync(new GetMajorEventRequest { MajorEventId = opened.MajorEventId }, Callers.Leader("nanjing-gov", "320100"));
        Assert.Equal("集体访", leader.MajorEvent.Title);
    }
}
