using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Figures come from events only: known event sequences through the bus give exact figures, also after a rebuild.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_statistics_are_read(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);
    private IBus Bus => system.Intake.App.Services.GetRequiredService<IBus>(); // stands in for the publishing services

    private static PetitionRegistered Registered(Guid caseId, string region, DateTimeOffset at, bool toBeijing = false, int people = 1) =>
        Events.Registered(caseId, region, at, people: people, toBeijing: toBeijing);

    private async Task ToBeijingAsync(string region, DateTimeOffset at, int people = 1) =>
        await Bus.Publish(Registered(NewId.NextGuid(), region, at, toBeijing: true, people));

    [Fact]
    public async Task The_Beijing_bulletin_counts_batches_and_people_by_region_with_month_boundaries_and_comparisons()
    {
        var march = new DateTimeOffset(2026, 3, 10, 10, 0, 0, Cst);
        foreach (var people in new[] { 1, 2, 6 }) await ToBeijingAsync("329901", march, people);
        foreach (var _ in Enumerable.Range(0, 3)) await ToBeijingAsync("329903", march);
        await ToBeijingAsync("329902", new DateTimeOffset(2026, 3, 1, 0, 30, 0, Cst));          // first minutes of March in Nanjing
        await ToBeijingAsync("329902", new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero)); // already 1 April in Nanjing
        var earlier = NewId.NextGuid();
        await Bus.Publish(Registered(earlier, "329902", new DateTimeOffset(2026, 1, 5, 9, 0, 0, Cst)));
        await Bus.Publish(new PetitionLinkedAsRepeat
        {
            CaseId = earlier, CaseNumber = "329902-2026-000001", RegistrationId = NewId.NextGuid(), Channel = "visit", RegionCode = "329902", GroupSize = 2,
            ToBeijing = true, Similarity = 0.9, ReceivingUnit = "bureau", Clerk = "test", OccurredAt = march,
        });
        foreach (var _ in Enumerable.Range(0, 2)) await ToBeijingAsync("329901", new DateTimeOffset(2026, 2, 10, 10, 0, 0, Cst));
        foreach (var _ in Enumerable.Range(0, 4)) await ToBeijingAsync("329901", new DateTimeOffset(2025, 3, 10, 10, 0, 0, Cst));

        var bureau = Callers.As(Roles.Bureau, "bureau-329900", "329900");
        var request = new GetBeijingBulletinRequest { Month = "2026-03" };
        var bulletin = await Eventually.UntilAsync(() => Reporting.GetBeijingBulletinAsync(request, bureau).ResponseAsync,
            b => b.TotalBatches == 8 && b.Regions.Single(r => r.RegionCode == "329901").PreviousMonthBatches == 2
                && b.Regions.Single(r => r.RegionCode == "329901").SameMonthLastYearBatches == 4, "March's eight batches and their comparisons");

        var first = bulletin.Regions.Single(r => r.RegionCode == "329901");
        Assert.Equal((3, 9, 1, 2, 1), (first.Batches, first.People, first.CollectiveBatches, first.IndividualBatches, first.Rank));
        Assert.Equal((50.0, -25.0), (first.MonthOnMonthPercent, first.YearOnYearPercent));
        var tied = bulletin.Regions.Single(r => r.RegionCode == "329903");
        Assert.Equal((3, 3, 1), (tied.Batches, tied.People, tied.Rank));
        Assert.False(tied.HasMonthOnMonthPercent);
        var third = bulletin.Regions.Single(r => r.RegionCode == "329902");
        Assert.Equal((2, 3, 3), (third.Batches, third.People, third.Rank)); // the repeat counts as a batch; the 1 April one does not
        Assert.Equal(["329901", "329903", "329902"], bulletin.Regions.Select(r => r.RegionCode));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetBeijingBulletinAsync(new GetBeijingBulletinRequest { Month = "2026-03", RegionCode = "329900" },
            Callers.Bureau("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetBeijingBulletinAsync(new GetBeijingBulletinRequest { Month = "March" }, bureau).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(bulletin, await Reporting.GetBeijingBulletinAsync(request, bureau));

        // The same bulletin as a CSV and a JSON download over HTTP, under the same token and jurisdiction.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Reporting.HttpPort}") };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/reports/beijing-bulletin?month=2026-03&format=csv")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("b", Roles.Bureau, "bureau-329900", "329900"));
        var csv = await http.GetStringAsync("/reports/beijing-bulletin?month=2026-03&format=csv");
        Assert.StartsWith("region_code,batches,people,collective_batches", csv);
        Assert.Contains("329901,3,9,1,2,1,2,4,50,-25", csv);
        Assert.Contains("329903,3,3,0,3,1,0,0,,", csv);
        var json = await http.GetStringAsync("/reports/beijing-bulletin?month=2026-03");
        Assert.Equal(bulletin, GetBeijingBulletinResponse.Parser.ParseJson(json));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync("/reports/beijing-bulletin?month=2026-03&region=320100")).StatusCode);
    }

    [Fact]
    public async Task Rates_follow_their_formulas_and_never_count_explained_or_diverted_cases_as_resolved()
    {
        var may = new DateTimeOffset(2026, 5, 12, 10, 0, 0, Cst);
        Guid a = NewId.NextGuid(), b = NewId.NextGuid(), c = NewId.NextGuid(), d = NewId.NextGuid(), e = NewId.NextGuid();
        var now = may.AddDays(40);
        // Out of order on purpose: later events may be folded before the registration.
        await Bus.Publish(new CaseClosed { CaseId = a, Outcome = "resolved", Final = false, Reason = "window", OccurredAt = now });
        foreach (var id in new[] { a, b, c, d, e }) await Bus.Publish(Registered(id, "329801", may));
        foreach (var id in new[] { a, b, e }) await Bus.Publish(new CompletionReportSubmitted
            { CaseId = id, AssignmentId = NewId.NextGuid(), UnitCode = "u", Actor = "x", Outcome = "resolved", AwaitingSignOff = false, OccurredAt = now });
        await Bus.Publish(new DeadlineMissed { CaseId = b, Step = "handling", UnitCode = "u", DueAt = now, OccurredAt = now });
        await Bus.Publish(new PetitionLinkedAsRepeat
        {
            CaseId = b, CaseNumber = "x", RegistrationId = NewId.NextGuid(), Channel = "letter", RegionCode = "329801", GroupSize = 1, ToBeijing = false,
            Similarity = 0.8, ReceivingUnit = "bureau", Clerk = "test", OccurredAt = now,
        });
        await Bus.Publish(new ReviewRequested { CaseId = c, Stage = "review", Actor = "x", Reasons = "r", DecideBy = now, OccurredAt = now });
        await Bus.Publish(new CaseClosed { CaseId = b, Outcome = "explained", Final = false, Reason = "window", OccurredAt = now });
        await Bus.Publish(new CaseClosed { CaseId = c, Outcome = "not_supported", Final = true, Reason = "final", OccurredAt = now });
        await Bus.Publish(new CaseClosed { CaseId = d, Outcome = "diverted", Final = false, Reason = "in law", OccurredAt = now });
        foreach (var (id, rating) in new[] { (a, "satisfied"), (b, "dissatisfied"), (c, "basically_satisfied") })
            await Bus.Publish(new SatisfactionRated { CaseId = id, Rating = rating, Actor = "x", OccurredAt = now });

        var bureau = Callers.As(Roles.Bureau, "bureau-329800", "329800");
        var request = new GetRatesRequest
        {
            RegisteredFrom = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 0, 0, 0, Cst)),
            RegisteredTo = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 1, 0, 0, 0, Cst)),
        };
        var rates = await Eventually.UntilAsync(() => Reporting.GetRatesAsync(request, bureau).ResponseAsync,
            r => r.Closed == 3 && r.Rated == 3 && r.Reported == 3 && r.ReportedOnTime == 2 && r.ClosedAtFirstPass == 1 && r.Diverted == 1, "every event folded");
        Assert.Equal((4, 3, 1, 0.3333), (rates.Cases, rates.Closed, rates.ClosedAtFirstPass, rates.OneTimeClosureRate));
        Assert.Equal((1, 0.3333), (rates.Resolved, rates.ResolvedRate));
        Assert.Equal((3, 2, 0.6667), (rates.Reported, rates.ReportedOnTime, rates.OnTimeCompletionRate));
        Assert.Equal((3, 2, 0.6667), (rates.Rated, rates.Satisfied, rates.SatisfactionRate));
        Assert.Equal(1, rates.Diverted);

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(rates, await Reporting.GetRatesAsync(request, bureau));
    }

    [Fact]
    public async Task Reception_days_are_checked_against_the_monthly_minimums_and_their_cases_followed()
    {
        var april = new DateTimeOffset(2026, 4, 8, 9, 0, 0, Cst);
        Guid answered = NewId.NextGuid(), pending = NewId.NextGuid();
        foreach (var id in new[] { answered, pending }) await Bus.Publish(Registered(id, "329601", april));
        await Bus.Publish(new ReplySubmitted { CaseId = answered, Outcome = "resolved", Actor = "x", ReviewWindowEndsAt = april.AddDays(40), OccurredAt = april.AddDays(10) });
        async Task HeldAsync(string leader, string level, string region, int day, params Guid[] cases) => await Bus.Publish(new ReceptionDayHeld
        {
            ReceptionDayId = NewId.NextGuid(), LeaderName = leader, Level = level, RegionCode = region, Date = new DateOnly(2026, 4, day), CaseIds = cases,
            PeopleReceived = cases.Length, OccurredAt = april,
        });
        await HeldAsync("周市长", "city", "329600", 8, answered, pending);
        await HeldAsync("王县长", "county", "329601", 9);
        foreach (var day in new[] { 3, 10, 17, 24 }) await HeldAsync("李镇长", "township", "329602", day);
        await HeldAsync("周市长", "city", "329600", 2); // his second April session
        await Bus.Publish(new ReceptionDayHeld // a May session does not count for April
        {
            ReceptionDayId = NewId.NextGuid(), LeaderName = "周市长", Level = "city", RegionCode = "329600", Date = new DateOnly(2026, 5, 2), CaseIds = [],
            PeopleReceived = 0, OccurredAt = april,
        });

        var bureau = Callers.As(Roles.Bureau, "bureau-329600", "329600");
        var request = new GetReceptionComplianceRequest { Month = "2026-04" };
        var compliance = await Eventually.UntilAsync(() => Reporting.GetReceptionComplianceAsync(request, bureau).ResponseAsync,
            c => c.Leaders.Count == 3 && c.Leaders.Sum(l => l.SessionsHeld) == 7 && c.Leaders.Single(l => l.Level == "city").CasesAnswered == 1,
            "seven April sessions of three leaders and the answered case");
        var city = compliance.Leaders.Single(l => l.Level == "city");
        Assert.Equal((2, 1, 1, true, 2, false), (city.SessionsHeld, city.Minimum, city.CasesAnswered, city.Compliant, city.CasesReceived, city.AllAnswered));
        var county = compliance.Leaders.Single(l => l.Level == "county");
        Assert.Equal((1, 2, false, true), (county.SessionsHeld, county.Minimum, county.Compliant, county.AllAnswered));
        var township = compliance.Leaders.Single(l => l.Level == "township");
        Assert.Equal((4, 4, true), (township.SessionsHeld, township.Minimum, township.Compliant));

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(compliance, await Reporting.GetReceptionComplianceAsync(request, bureau));

        using var http = Http("bureau-329600", "329600");
        Assert.Contains("周市长,city,329600,2,1,True,2,1,False", await http.GetStringAsync("/reports/reception-compliance?month=2026-04&format=csv"));
        Assert.Equal(compliance, GetReceptionComplianceResponse.Parser.ParseJson(await http.GetStringAsync("/reports/reception-compliance?month=2026-04")));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/reports/reception-compliance?month=April")).StatusCode);
    }

    private HttpClient Http(string unit, string region)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Reporting.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("b", Roles.Bureau, unit, region));
        return http;
    }

    [Fact]
    public async Task Acknowledgement_time_per_unit_and_return_rate_per_router_come_from_the_hand_overs()
    {
        var june = new DateTimeOffset(2026, 6, 3, 9, 0, 0, Cst);
        var cases = Enumerable.Range(0, 3).Select(_ => NewId.NextGuid()).ToList();
        var assignments = cases.Select(_ => NewId.NextGuid()).ToList();
        for (var i = 0; i < 3; i++)
        {
            await Bus.Publish(Registered(cases[i], "329501", june));
            await Bus.Publish(new CaseAssigned
            {
                CaseId = cases[i], CaseNumber = "x", AssignmentId = assignments[i], UnitCode = "unit-329501", Kind = "assignment", RoutedBy = "routing-catalogue",
                AcknowledgeDueAt = june.AddDays(3), OccurredAt = june,
            });
        }
        await Bus.Publish(new AssignmentAcknowledged { CaseId = cases[0], AssignmentId = assignments[0], UnitCode = "unit-329501", Actor = "a", OccurredAt = june.AddHours(2) });
        await Bus.Publish(new AssignmentAcknowledged { CaseId = cases[1], AssignmentId = assignments[1], UnitCode = "unit-329501", Actor = "a", OccurredAt = june.AddHours(4) });
        await Bus.Publish(new AssignmentReturned
        {
            CaseId = cases[2], AssignmentId = assignments[2], UnitCode = "unit-329501", RoutedBy = "routing-catalogue", Actor = "b", Reason = "not ours", OccurredAt = june.AddDays(1),
        });

        var bureau = Callers.As(Roles.Bureau, "bureau-329500", "329500");
        var request = new GetUnitPerformanceRequest
        {
            RegisteredFrom = Timestamp.FromDateTimeOffset(june.AddDays(-1)), RegisteredTo = Timestamp.FromDateTimeOffset(june.AddDays(1)),
        };
        var performance = await Eventually.UntilAsync(() => Reporting.GetUnitPerformanceAsync(request, bureau).ResponseAsync,
            p => p.Units.Count == 1 && p.Units[0].Acknowledged == 2 && p.Units[0].Assignments == 3 && p.Routers.Count == 1 && p.Routers[0].Returned == 1,
            "three hand-overs, two acknowledgements and one return folded");
        Assert.Equal(3.0, performance.Units[0].MeanHoursToAcknowledge);
        Assert.Equal(("routing-catalogue", 3, 1, 0.3333), (performance.Routers[0].RoutedBy, performance.Routers[0].Routed, performance.Routers[0].Returned, performance.Routers[0].ReturnRate));

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(performance, await Reporting.GetUnitPerformanceAsync(request, bureau));

        using var http = Http("bureau-329500", "329500");
        var csv = await http.GetStringAsync("/reports/unit-performance?from=2026-06-03&to=2026-06-04&format=csv");
        Assert.Contains("unit,unit-329501,3,2,3", csv);
        Assert.Contains("router,routing-catalogue,3,1,0.3333", csv);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Reporting.GetUnitPerformanceAsync(new GetUnitPerformanceRequest
            { RegisteredFrom = request.RegisteredFrom, RegisteredTo = request.RegisteredTo, RegionCode = "32x" }, bureau).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("region_code", ex.Status.Detail);
    }

    [Fact]
    public async Task Counties_over_the_designation_threshold_are_key_managed()
    {
        // 329401: 10 batches over the twelve months to 2026-06 (one before the window does not count); 329402: 9.
        for (var i = 0; i < 10; i++) await ToBeijingAsync("329401", new DateTimeOffset(2026, 6 - i % 6, 10, 10, 0, 0, Cst), people: i == 0 ? 8 : 1);
        await ToBeijingAsync("329401", new DateTimeOffset(2025, 6, 10, 10, 0, 0, Cst));
        for (var i = 0; i < 9; i++) await ToBeijingAsync("329402", new DateTimeOffset(2026, 3, 10, 10, 0, 0, Cst));

        var bureau = Callers.As(Roles.Bureau, "bureau-329400", "329400");
        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM beijing_petitions WHERE \"RegionCode\" LIKE '3294%'"),
            n => n == 20, "twenty batches folded");
        var key = await Reporting.GetKeyManagedCountiesAsync(new GetKeyManagedCountiesRequest { AsOfMonth = "2026-06" }, bureau);
        var county = Assert.Single(key.Counties);
        Assert.Equal(("329401", 10, 17, 1, 6, 2), (county.RegionCode, county.Batches, county.People, county.CollectiveBatches, county.ActiveMonths, county.LastMonthBatches));
        Assert.Equal((12, 10), (key.WindowMonths, key.ThresholdBatches));

        using var http = Http("bureau-329400", "329400");
        Assert.Contains("329401,10,17,1,6,2", await http.GetStringAsync("/reports/key-counties?month=2026-06&format=csv"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync("/reports/key-counties?month=2026-06&region=320100")).StatusCode);
    }

    [Fact]
    public async Task Open_meetings_show_who_has_not_answered_and_which_action_items_are_overdue()
    {
        var at = new DateTimeOffset(2026, 7, 1, 9, 0, 0, Cst);
        Guid open = NewId.NextGuid(), closed = NewId.NextGuid(), caseId = NewId.NextGuid(), closedCase = NewId.NextGuid();
        await Bus.Publish(Registered(caseId, "329301", at));
        await Bus.Publish(Registered(closedCase, "329301", at));
        foreach (var (id, c) in new[] { (open, caseId), (closed, closedCase) })
            await Bus.Publish(new Coordination.Contracts.JointMeeting.JointMeetingConvened
            {
                CaseId = c, MeetingId = id, Agenda = "a", ScheduledAt = at.AddDays(5), Place = "p", Parties = ["a", "b", "c"], Actor = "x", OccurredAt = at,
            });
        foreach (var party in new[] { "a", "b" })
            await Bus.Publish(new Coordination.Contracts.JointMeeting.InvitationAnswered { CaseId = caseId, MeetingId = open, Party = party, Response = "confirmed", Actor = party, OccurredAt = at });
        await Bus.Publish(new Coordination.Contracts.JointMeeting.PositionSubmitted { CaseId = caseId, MeetingId = open, Party = "a", Late = false, Actor = "a", OccurredAt = at });
        var items = new Dictionary<string, Guid> { ["a"] = NewId.NextGuid(), ["b"] = NewId.NextGuid(), ["c"] = NewId.NextGuid() };
        foreach (var (owner, days) in new[] { ("a", 10), ("b", 40), ("c", 10) })
            await Bus.Publish(new Coordination.Contracts.JointMeeting.ActionItemIssued
            {
                CaseId = caseId, MeetingId = open, ItemId = items[owner], Owner = owner, Task = "t", DueAt = at.AddDays(days), Actor = "x", OccurredAt = at,
            });
        await Bus.Publish(new Coordination.Contracts.JointMeeting.ActionItemAccepted { CaseId = caseId, MeetingId = open, ItemId = items["c"], Owner = "c", Actor = "x", OccurredAt = at });
        await Bus.Publish(new Coordination.Contracts.JointMeeting.JointMeetingConcluded { CaseId = closedCase, MeetingId = closed, Resolution = "r", OccurredAt = at });

        var bureau = Callers.As(Roles.Bureau, "bureau-329300", "329300");
        var request = new GetJointMeetingReportRequest { AsOf = Timestamp.FromDateTimeOffset(at.AddDays(20)) };
        var report = await Eventually.UntilAsync(() => Reporting.GetJointMeetingReportAsync(request, bureau).ResponseAsync,
            r => r.Meetings.Count == 1 && r.Meetings[0].MissingAnswers.Count == 1 && r.Meetings[0].MissingPositions.Count == 2 && r.Meetings[0].OverdueItemsBy.Count == 1,
            "the open meeting with its missing answers, positions and overdue items");
        var meeting = report.Meetings[0];
        Assert.Equal(open.ToString(), meeting.MeetingId);
        Assert.Equal(["c"], meeting.MissingAnswers);
        Assert.Equal(["b", "c"], meeting.MissingPositions);
        Assert.Equal(["a"], meeting.OverdueItemsBy);

        await Reporting.RebuildAndWaitAsync();
        Assert.Equal(report, await Reporting.GetJointMeetingReportAsync(request, bureau));

        using var http = Http("bureau-329300", "329300"); // the download counts overdue items to now: both a's and b's are past due
        Assert.Contains($"{open},{caseId},329301,c,b c,a b", await http.GetStringAsync("/reports/joint-meetings?format=csv"));
    }
}
