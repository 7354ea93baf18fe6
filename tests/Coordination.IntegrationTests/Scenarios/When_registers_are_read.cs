using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The overdue list, the committee's legal cases, the quarterly screening register and the live dashboard, from known
/// event sequences through the bus (some out of order on purpose), with exact figures, scoping and rebuilds.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_registers_are_read(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);
    private IBus Bus => system.Intake.App.Services.GetRequiredService<IBus>(); // stands in for the publishing services

    private async Task<Guid> RegisteredAsync(string region, DateTimeOffset at, string number, int people = 1, bool toBeijing = false)
    {
        var caseId = NewId.NextGuid();
        await Bus.Publish(Events.Registered(caseId, region, at, number, people, toBeijing));
        return caseId;
    }

    private HttpClient Http(string token)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Reporting.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private static DateTimeOffset Day(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, Cst);

    [Fact]
    public async Task The_overdue_list_shows_each_late_limit_by_unit_and_responsible_person()
    {
        var march = Day(3, 2, 9);
        Guid a = await RegisteredAsync("329201", march, "329201-2026-000001"), b = await RegisteredAsync("329201", march, "329201-2026-000002"),
            c = await RegisteredAsync("329201", march, "329201-2026-000003"), d = await RegisteredAsync("329202", march, "329202-2026-000001"),
            outside = await RegisteredAsync("320105", march, "320105-2026-900001");
        Guid assignmentA = NewId.NextGuid(), deadlineA = NewId.NextGuid(), deadlineB = NewId.NextGuid(), deadlineC = NewId.NextGuid();
        const string housing = "housing-bureau-329201";

        // A: signed for by li.ming, then late on handling: reminder, 催办 and 督办.
        await Bus.Publish(new CaseAssigned
        {
            CaseId = a, CaseNumber = "329201-2026-000001", AssignmentId = assignmentA, UnitCode = housing, Kind = "assignment", RoutedBy = "catalogue",
            AcknowledgeDueAt = Day(3, 6), OccurredAt = march.AddMinutes(1),
        });
        await Bus.Publish(new AssignmentAcknowledged { CaseId = a, AssignmentId = assignmentA, UnitCode = housing, Actor = "li.ming", OccurredAt = Day(3, 3, 9) });
        await Bus.Publish(new DeadlineApproaching { CaseId = a, DeadlineId = deadlineA, AssignmentId = assignmentA, Step = "handling", UnitCode = housing, DueAt = Day(3, 10), OccurredAt = Day(3, 8, 8) });
        await Bus.Publish(new DeadlineMissed { CaseId = a, DeadlineId = deadlineA, AssignmentId = assignmentA, Step = "handling", UnitCode = housing, DueAt = Day(3, 10), OccurredAt = Day(3, 10, 8) });
        await Bus.Publish(new SupervisionIssued { CaseId = a, DeadlineId = deadlineA, AssignmentId = assignmentA, Step = "handling", UnitCode = housing, DueAt = Day(3, 10), OccurredAt = Day(3, 17, 8) });
        // B: a to-Beijing case whose responsibility record names wang.fang; not signed for in time.
        await Bus.Publish(new ResponsibilityAssigned { CaseId = b, Unit = housing, Group = "group 2", Leader = "deputy mayor", Person = "wang.fang", Actor = "bureau", OccurredAt = march });
        await Bus.Publish(new DeadlineMissed { CaseId = b, DeadlineId = deadlineB, Step = "acknowledge", UnitCode = housing, DueAt = Day(3, 15), OccurredAt = Day(3, 15, 8) });
        // C: late, extended, late again; the clearing arrives last, yet the newer 催办 keeps it on the list.
        await Bus.Publish(new DeadlineMissed { CaseId = c, DeadlineId = deadlineC, Step = "handling", UnitCode = housing, DueAt = Day(3, 5), OccurredAt = Day(3, 5, 8) });
        await Bus.Publish(new DeadlineMissed { CaseId = c, DeadlineId = deadlineC, Step = "handling", UnitCode = housing, DueAt = Day(3, 18), OccurredAt = Day(3, 18, 8) });
        await Bus.Publish(new DeadlineCleared { CaseId = c, DeadlineId = deadlineC, Step = "handling", UnitCode = housing, DueAt = Day(3, 5), How = "extended", OccurredAt = Day(3, 6, 10) });
        // D: late and then met; another limit only reminded. Neither is overdue.
        Guid deadlineD = NewId.NextGuid();
        await Bus.Publish(new DeadlineMissed { CaseId = d, DeadlineId = deadlineD, Step = "acknowledge", UnitCode = "labour-bureau-329202", DueAt = Day(3, 19), OccurredAt = Day(3, 19, 8) });
        await Bus.Publish(new DeadlineCleared { CaseId = d, DeadlineId = deadlineD, Step = "acknowledge", UnitCode = "labour-bureau-329202", DueAt = Day(3, 19), How = "met", OccurredAt = Day(3, 19, 12) });
        await Bus.Publish(new DeadlineApproaching { CaseId = d, DeadlineId = NewId.NextGuid(), Step = "accept_notice", UnitCode = "labour-bureau-329202", DueAt = Day(3, 25), OccurredAt = Day(3, 19, 8) });
        // Outside the jurisdiction.
        await Bus.Publish(new DeadlineMissed { CaseId = outside, DeadlineId = NewId.NextGuid(), Step = "handling", UnitCode = housing, DueAt = Day(3, 5), OccurredAt = Day(3, 5, 8) });

        var bureau = Callers.As(Roles.Bureau, "bureau-329200", "329200");
        var request = new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(Day(3, 20, 10)) };
        var list = await Eventually.UntilAsync(() => Reporting.GetOverdueListAsync(request, bureau).ResponseAsync,
            l => l.Items.Count == 3 && l.Items.Sum(i => i.Urges) == 4 && l.Items.Any(i => i.ResponsiblePerson == "li.ming") && l.Items.Any(i => i.Supervisions == 1),
            "three overdue limits folded");
        Assert.Equal(
            [("329201-2026-000001", "handling", 11, "li.ming", 1, 1, 1), ("329201-2026-000002", "acknowledge", 6, "wang.fang", 0, 1, 0), ("329201-2026-000003", "handling", 3, "", 0, 2, 0)],
            list.Items.Select(i => (i.CaseNumber, i.Step, i.DaysOverdue, i.ResponsiblePerson, i.Reminders, i.Urges, i.Supervisions)));
        Assert.Equal(assignmentA.ToString(), list.Items[0].AssignmentId);
        Assert.Equal([(housing, "li.ming", 1, 11), (housing, "wang.fang", 1, 6), (housing, "", 1, 3)],
            list.ByUnit.Select(u => (u.UnitCode, u.ResponsiblePerson, u.Items, u.MaxDaysOverdue)));

        Assert.Empty((await Reporting.GetOverdueListAsync(new GetOverdueListRequest { AsOf = request.AsOf, UnitCode = "labour-bureau-329202" }, bureau)).Items);
        Assert.Empty((await Reporting.GetOverdueListAsync(new GetOverdueListRequest { AsOf = request.AsOf, RegionCode = "329202" }, bureau)).Items);
        Assert.Equal(2, (await Reporting.GetOverdueListAsync(new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(Day(3, 16, 10)) }, bureau)).Items.Count);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetOverdueListAsync(new GetOverdueListRequest { RegionCode = "329200" }, Callers.Bureau("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetOverdueListAsync(new GetOverdueListRequest { RegionCode = "32x" }, bureau).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("region_code", ex.Status.Detail);

        // The live Assignment service, seeing the registration, queues it for routing by hand (no rule for 3292xx): today.
        var timeline = await Eventually.UntilAsync(() => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = a.ToString() }, bureau).ResponseAsync,
            t => t.Entries.Count == 7, "the case's seven events on its timeline");
        Assert.Equal(["PetitionRegistered", "CaseAssigned", "AssignmentAcknowledged", "DeadlineApproaching", "DeadlineMissed", "SupervisionIssued", "CaseQueuedForManualRouting"],
            timeline.Entries.Select(e => e.Kind));
        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(list, await Reporting.GetOverdueListAsync(request, bureau));
        Assert.Equal(timeline, await Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = a.ToString() }, bureau)); // timelines are rebuilt too
    }

    [Fact]
    public async Task The_committee_sees_its_legal_cases_by_channel_institution_status_and_age()
    {
        Guid c1 = await RegisteredAsync("329101", Day(1, 5, 9), "329101-2026-000001"), c2 = await RegisteredAsync("329102", Day(4, 1, 9), "329102-2026-000001"),
            c3 = await RegisteredAsync("329101", Day(2, 20, 9), "329101-2026-000002"), c4 = await RegisteredAsync("329102", Day(3, 1, 9), "329102-2026-000002"),
            c5 = await RegisteredAsync("320105", Day(1, 10, 9), "320105-2026-900002"), c6 = await RegisteredAsync("329101", Day(3, 10, 9), "329101-2026-000003");
        Guid r1 = NewId.NextGuid(), r2 = NewId.NextGuid(), r3 = NewId.NextGuid(), r4 = NewId.NextGuid(), r5 = NewId.NextGuid(), r6 = NewId.NextGuid();
        Task Opened(Guid caseId, Guid referral, string region, DateTimeOffset at) =>
            Bus.Publish(new LegalReferralOpened { CaseId = caseId, ReferralId = referral, RegionCode = region, OccurredAt = at });
        Task Made(Guid caseId, Guid referral, string channel, string institution, DateTimeOffset at) => Bus.Publish(new ReferralMade
            { CaseId = caseId, ReferralId = referral, Channel = channel, InstitutionCode = institution, Actor = "committee", AcknowledgeBy = at.AddDays(7), OccurredAt = at });
        Task Acknowledged(Guid caseId, Guid referral, string institution, string decision, DateTimeOffset at) => Bus.Publish(new ReferralAcknowledged
            { CaseId = caseId, ReferralId = referral, InstitutionCode = institution, Decision = decision, Actor = "clerk", OutcomeBy = at.AddDays(90), OccurredAt = at });
        Task Updated(Guid caseId, Guid referral, string institution, string update, DateTimeOffset at) => Bus.Publish(new ReferralStatusUpdated
            { CaseId = caseId, ReferralId = referral, InstitutionCode = institution, Update = update, Note = "note", Actor = "clerk", OccurredAt = at });
        Task Concluded(Guid caseId, Guid referral, string conclusion, DateTimeOffset at) => Bus.Publish(new LegalReferralConcluded
            { CaseId = caseId, ReferralId = referral, Conclusion = conclusion, Detail = "detail", OccurredAt = at });

        await Opened(c1, r1, "329101", Day(1, 5, 10)); await Made(c1, r1, "court", "court-329101", Day(1, 6, 10));
        await Acknowledged(c1, r1, "court-329101", "filed", Day(1, 8, 10)); await Updated(c1, r1, "court-329101", "hearing_scheduled", Day(2, 1, 10));
        await Opened(c2, r2, "329102", Day(4, 1, 10)); await Made(c2, r2, "arbitration", "arbitration-329102", Day(4, 2, 10));
        await Bus.Publish(new ReferralDeclined { CaseId = c2, ReferralId = r2, InstitutionCode = "arbitration-329102", Reasons = "not arbitrable", Actor = "clerk", OccurredAt = Day(4, 5, 10) });
        await Opened(c3, r3, "329101", Day(2, 20, 10)); await Made(c3, r3, "people_mediation", "mediation-329101", Day(2, 21, 10));
        await Concluded(c3, r3, "concluded_in_law", Day(3, 30, 10)); // before the update it follows: an end stays an end
        await Acknowledged(c3, r3, "mediation-329101", "accepted", Day(2, 22, 10)); await Updated(c3, r3, "mediation-329101", "mediated", Day(3, 20, 10));
        await Opened(c4, r4, "329102", Day(3, 1, 10)); await Concluded(c4, r4, "returned_to_petition_track", Day(3, 3, 10));
        await Opened(c5, r5, "320105", Day(1, 10, 10)); await Made(c5, r5, "court", "court-320105", Day(1, 11, 10));
        await Opened(c6, r6, "329101", Day(3, 10, 10));
        await Bus.Publish(new CaseMarkedMajor { CaseId = c6, ReferralId = r6, Reason = "many petitioners", Actor = "committee", OccurredAt = Day(3, 12, 10) });

        var committee = Callers.Committee("329100");
        var request = new GetLegalCasesRequest { AsOf = Timestamp.FromDateTimeOffset(Day(4, 15, 10)) };
        var report = await Eventually.UntilAsync(() => Reporting.GetLegalCasesAsync(request, committee).ResponseAsync,
            r => r.Open == 3 && r.ConcludedInLaw == 1 && r.ReturnedToPetitionTrack == 1 && r.ByStatus.Any(s => s.Key == "in_progress") && r.ByStatus.Any(s => s.Key == "declined")
                && r.Cases.Any(x => x.Major), "six referrals folded");
        Assert.Equal([("arbitration", 1), ("court", 1), ("not_referred", 1)], report.ByChannel.Select(x => (x.Key, x.Referrals)));
        Assert.Equal([("arbitration-329102", 1), ("court-329101", 1)], report.ByInstitution.Select(x => (x.Key, x.Referrals)));
        Assert.Equal([("declined", 1), ("in_progress", 1), ("open", 1)], report.ByStatus.Select(x => (x.Key, x.Referrals)));
        Assert.Equal([("0-30", 1), ("31-90", 1), ("91-180", 1), ("181+", 0)], report.ByAge.Select(x => (x.Key, x.Referrals)));
        Assert.Equal([("329101-2026-000001", 100, false), ("329101-2026-000003", 36, true), ("329102-2026-000001", 14, false)],
            report.Cases.Select(x => (x.CaseNumber, x.AgeDays, x.Major)));

        var county = await Reporting.GetLegalCasesAsync(new GetLegalCasesRequest { AsOf = request.AsOf }, Callers.Committee("329102"));
        Assert.Equal((1, "329102-2026-000001"), (county.Open, county.Cases.Single().CaseNumber));
        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetLegalCasesAsync(new GetLegalCasesRequest { RegionCode = "329100" }, Callers.Committee("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetLegalCasesAsync(new GetLegalCasesRequest(), Callers.Department("labour-bureau")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(report, await Reporting.GetLegalCasesAsync(request, committee));

        using var http = Http(TestTokens.Mint("c", Roles.Committee, "political-legal-committee-329100", "329100"));
        var csv = await http.GetStringAsync("/reports/legal-cases?format=csv");
        Assert.StartsWith("case_number,region_code,channel,institution_code,status,age_days,major", csv);
        Assert.Contains("329101-2026-000001,329101,court,court-329101,in_progress,", csv);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync("/reports/legal-cases?region=320100")).StatusCode);
    }

    [Fact]
    public async Task The_quarterly_screening_register_lists_what_is_unresolved_at_the_quarter_end()
    {
        var s1 = await RegisteredAsync("329001", Day(6, 30, 23, 30), "329001-2026-000001", people: 6);   // Q2, collective, still open
        var s2 = await RegisteredAsync("329001", Day(7, 1, 0, 10), "329001-2026-000002");                // first minutes of Q3
        var s3 = await RegisteredAsync("329002", Day(8, 10, 9), "329002-2026-000001");
        await RegisteredAsync("329001", Day(10, 1, 0, 10), "329001-2026-000003");                         // already Q4
        var s5 = await RegisteredAsync("329002", Day(9, 1, 9), "329002-2026-000002", toBeijing: true);
        await RegisteredAsync("320105", Day(8, 1, 9), "320105-2026-900003");                              // outside
        await Bus.Publish(new CaseClosed { CaseId = s2, Outcome = "resolved", Final = false, Reason = "window", OccurredAt = Day(9, 30, 23, 50) });
        await Bus.Publish(new CaseClosed { CaseId = s3, Outcome = "explained", Final = false, Reason = "window", OccurredAt = Day(10, 1, 0, 10) });
        var assignment = NewId.NextGuid();
        await Bus.Publish(new CaseAssigned
        {
            CaseId = s3, CaseNumber = "329002-2026-000001", AssignmentId = assignment, UnitCode = "housing-bureau-329002", Kind = "assignment", RoutedBy = "catalogue",
            AcknowledgeDueAt = Day(8, 14), OccurredAt = Day(8, 10, 10),
        });
        await Bus.Publish(new AssignmentAcknowledged { CaseId = s3, AssignmentId = assignment, UnitCode = "housing-bureau-329002", Actor = "li.ming", OccurredAt = Day(8, 11, 9) });
        await Bus.Publish(new AssignmentAccepted
            { CaseId = s3, AssignmentId = assignment, UnitCode = "housing-bureau-329002", Actor = "li.ming", HandlingDueAt = Day(9, 10), OccurredAt = Day(8, 11, 10) });
        await Bus.Publish(new DeadlineMissed
            { CaseId = s3, DeadlineId = NewId.NextGuid(), AssignmentId = assignment, Step = "handling", UnitCode = "housing-bureau-329002", DueAt = Day(9, 10), OccurredAt = Day(9, 10, 8) });
        await Bus.Publish(new PetitionLinkedAsRepeat
        {
            CaseId = s3, CaseNumber = "329002-2026-000001", RegistrationId = NewId.NextGuid(), Channel = "letter", RegionCode = "329002", GroupSize = 1, ToBeijing = false,
            Similarity = 0.8, ReceivingUnit = "bureau", Clerk = "test", OccurredAt = Day(9, 2, 9),
        });
        await Bus.Publish(new ResponsibilityAssigned
            { CaseId = s5, Unit = "government-329002", Group = "group 1", Leader = "county head", Person = "zhao.lei", Actor = "bureau", OccurredAt = Day(9, 1, 10) });

        var bureau = Callers.As(Roles.Bureau, "bureau-329000", "329000");
        var request = new GetScreeningRegisterRequest { Quarter = "2026-Q3" };
        var register = await Eventually.UntilAsync(() => Reporting.GetScreeningRegisterAsync(request, bureau).ResponseAsync,
            r => r.Unresolved == 3 && r.ClosedInQuarter == 1 && r.Entries.Any(e => e.Overdue && e.Repeats == 1 && e.ResponsiblePerson == "li.ming" && e.DueAt is not null)
                && r.Entries.Any(e => e.ResponsiblePerson == "zhao.lei"), "the quarter's events folded");
        Assert.Equal(("2026-Q3", 3, 1, 3, 2), (register.Quarter, register.RegisteredInQuarter, register.ClosedInQuarter, register.Unresolved, register.Major));
        Assert.Equal(
            [("329001-2026-000001", "", "", 92, true, false, true, false), ("329002-2026-000002", "government-329002", "zhao.lei", 29, false, true, true, false),
             ("329002-2026-000001", "housing-bureau-329002", "li.ming", 51, false, false, false, true)],
            register.Entries.Select(e => (e.CaseNumber, e.ResponsibleUnit, e.ResponsiblePerson, e.DaysOpen, e.Collective, e.ToBeijing, e.Major, e.Overdue)));
        Assert.Equal(Day(9, 10), register.Entries[2].DueAt.ToDateTimeOffset());

        var q2 = await Reporting.GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = "2026-Q2" }, bureau);
        Assert.Equal((1, 0, 1), (q2.RegisteredInQuarter, q2.ClosedInQuarter, q2.Unresolved));
        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = "2026-Q5" }, bureau).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("quarter", ex.Status.Detail);
        ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = "2026-Q3", RegionCode = "329000" },
            Callers.Bureau("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(register, await Reporting.GetScreeningRegisterAsync(request, bureau));
        Assert.Contains(register.Entries, e => e.CaseId == s1.ToString());

        using var http = Http(TestTokens.Mint("b", Roles.Bureau, "bureau-329000", "329000"));
        var csv = await http.GetStringAsync("/reports/screening?quarter=2026-Q3&format=csv");
        Assert.StartsWith("case_number,region_code,topic,responsible_unit,responsible_person,due_at", csv);
        Assert.Contains("329002-2026-000001,329002,housing,housing-bureau-329002,li.ming,2026-09-10 00:00,51,False,False,1,True,False", csv);
        Assert.Equal(register, GetScreeningRegisterResponse.Parser.ParseJson(await http.GetStringAsync("/reports/screening?quarter=2026-Q3")));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/reports/screening?quarter=Q3")).StatusCode);
    }

    [Fact]
    public async Task Live_counters_in_Redis_stay_right_when_Redis_is_flushed_mid_way()
    {
        var bureau = Callers.As(Roles.Bureau, "bureau-328900", "328900");
        var request = new GetLiveDashboardRequest { Day = "2026-08-03" };
        await RegisteredAsync("328901", Day(8, 3, 9), "328901-2026-000001", people: 6);
        await RegisteredAsync("328901", Day(8, 3, 10), "328901-2026-000002", toBeijing: true);
        var first = await RegisteredAsync("328901", Day(8, 3, 0, 5), "328901-2026-000003");           // first minutes of the day in Nanjing
        var other = await RegisteredAsync("328902", Day(8, 3, 23, 55), "328902-2026-000001");
        await RegisteredAsync("328901", Day(8, 2, 23, 55), "328901-2026-000004");                      // the day before
        var dashboard = await Eventually.UntilAsync(() => Reporting.GetLiveDashboardAsync(request, bureau).ResponseAsync,
            d => d.Total.Registered == 4 && d.Total.ToBeijing == 1 && d.Total.Collective == 1, "the morning's four registrations");
        Assert.Equal([("328901", 3), ("328902", 1)], dashboard.Regions.Select(r => (r.RegionCode, r.Registered)));

        // Redis loses everything of this service mid-way; more events arrive.
        var redis = await ConnectionMultiplexer.ConnectAsync(system.Infra.Redis);
        var server = redis.GetServers().First();
        var keys = server.Keys(pattern: $"{system.RunId}_reporting:live:*").ToArray();
        Assert.NotEmpty(keys);
        await redis.GetDatabase().KeyDeleteAsync(keys);

        await RegisteredAsync("328901", Day(8, 3, 14), "328901-2026-000005");
        await RegisteredAsync("328901", Day(8, 3, 15), "328901-2026-000006");
        await Bus.Publish(new PetitionLinkedAsRepeat
        {
            CaseId = other, CaseNumber = "328902-2026-000001", RegistrationId = NewId.NextGuid(), Channel = "letter", RegionCode = "328902", GroupSize = 1, ToBeijing = false,
            Similarity = 0.9, ReceivingUnit = "bureau", Clerk = "test", OccurredAt = Day(8, 3, 16),
        });
        await Bus.Publish(new CaseClosed { CaseId = first, Outcome = "resolved", Final = false, Reason = "window", OccurredAt = Day(8, 3, 17) });

        dashboard = await Eventually.UntilAsync(() => Reporting.GetLiveDashboardAsync(request, bureau).ResponseAsync,
            d => d.Total.Registered == 6 && d.Total.Repeats == 1 && d.Total.Closed == 1, "the day's figures after the flush");
        Assert.Equal([("328901", 5, 0, 1, 1, 1), ("328902", 1, 1, 0, 0, 0)],
            dashboard.Regions.Select(r => (r.RegionCode, r.Registered, r.Repeats, r.ToBeijing, r.Collective, r.Closed)));
        var again = await Reporting.GetLiveDashboardAsync(request, bureau);
        Assert.Equal("redis", again.Source);
        Assert.Equal(dashboard.Regions, again.Regions);
        Assert.Equal("5", (await redis.GetDatabase().HashGetAsync($"{system.RunId}_reporting:live:2026-08-03:328901", "registered")).ToString());

        Assert.Equal(1, (await Reporting.GetLiveDashboardAsync(new GetLiveDashboardRequest { Day = "2026-08-02" }, bureau)).Total.Registered);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetLiveDashboardAsync(new GetLiveDashboardRequest { Day = "3 Aug" }, bureau).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetLiveDashboardAsync(new GetLiveDashboardRequest { RegionCode = "328900" }, Callers.Bureau("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        await redis.DisposeAsync();
    }
}
