using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// People's suggestions (§18, ADR 26): registered through the same intake, they go on their own track instead of being
/// routed as complaints. The bureau passes one to the competent department, which evaluates it with reasons within the
/// rule set's working days; the bureau commends an adopted one; the proposer follows each step with the query code; the
/// report of suggestions counts them by region and topic.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_suggestion_is_evaluated(SystemFixture system)
{
    // Liuhe district: no other scenario registers anything there (the refusals use Lishui).
    private const string Region = "320116", OtherRegion = "320114", Topic = "transport", Department = "nanjing-housing-bureau";
    private static readonly Metadata Housing = Callers.Department(Department);
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private SuggestionService.SuggestionServiceClient Suggestions => new(system.Assignment.Channel);
    private AssignmentService.AssignmentServiceClient Assignment => new(system.Assignment.Channel);
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);

    [Fact]
    public async Task An_adopted_suggestion_is_commended_the_proposer_sees_it_and_the_report_counts_it()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var adoptedOne = await RegisterAsync(r => (r.Channel, r.Category) = (Channel.Web, Category.Suggestion));
        // Whatever its category, what came by the people's suggestion channel is a suggestion too.
        var rejectedOne = await RegisterAsync(r => (r.Channel, r.Category) = (Channel.PeoplesSuggestion, Category.Grievance));
        var proof = new PetitionerProof { QueryCode = adoptedOne.QueryCode, SecondFactor = "0000" };

        var received = await SuggestionAsync(adoptedOne.CaseId, s => s.Status == "received", "the suggestion on its own track");
        Assert.Equal((Region, Topic, "web"), (received.RegionCode, received.Topic, received.Channel));
        Assert.Equal(Fixtures.Petitions.Summary, received.Summary);
        var handling = (await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = adoptedOne.CaseId }, Bureau)).Case;
        Assert.Equal("suggestion", handling.Status);
        Assert.Empty(handling.Assignments); // never routed as a complaint
        Assert.Equal("suggestion_received", (await ProgressAsync(proof)).Status);

        var passed = (await Suggestions.PassSuggestionAsync(new PassSuggestionRequest { CaseId = adoptedOne.CaseId, UnitCode = "Nanjing Housing Bureau" }, Bureau))
            .Suggestion;
        Assert.Equal(("passed", Department), (passed.Status, passed.UnitCode));
        Assert.True(passed.EvaluateBy.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(20)); // 20 working days
        var limit = Assert.Single((await Assignment.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = adoptedOne.CaseId }, Bureau)).Deadlines);
        Assert.Equal(("suggestion_evaluation", Department), (limit.Step, limit.UnitCode));

        // The department is told (its notification stream, from the passing on).
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            using var call = Reporting.WatchNotifications(new WatchNotificationsRequest { Since = Timestamp.FromDateTimeOffset(from) }, Housing);
            var watch = new NotificationWatch(call, stop.Token);
            var (notice, _) = await watch.FirstAsync(n => n.CaseId == adoptedOne.CaseId, stop.Token);
            Assert.Equal("suggestion_passed", notice.Kind);
            Assert.StartsWith("新转交人民建议", notice.Summary);
            stop.Cancel();
        }
        var told = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "suggestion_passed", "the proposer to see it passed on");
        Assert.Equal("建议已转有关部门研究", told.StatusText);
        Assert.Equal("研究建议并答复", Assert.Single(told.Holders).Duty);

        // Another department does not see it; the bureau cannot commend what is not evaluated.
        await Refused(() => Suggestions.EvaluateSuggestionAsync(Evaluation(adoptedOne.CaseId, "adopted", "可行"), Callers.Department("nanjing-labour-bureau"))
            .ResponseAsync, StatusCode.NotFound);
        await Refused(() => Suggestions.CommendSuggestionAsync(new CommendSuggestionRequest { CaseId = adoptedOne.CaseId, Commendation = "通报表扬" }, Bureau)
            .ResponseAsync, StatusCode.FailedPrecondition, "CommendationNeedsAdoption");

        var adopted = (await Suggestions.EvaluateSuggestionAsync(Evaluation(adoptedOne.CaseId, "adopted", "建议增开夜间公交线路，已纳入明年计划"), Housing)).Suggestion;
        Assert.Equal(("evaluated", "adopted"), (adopted.Status, adopted.Outcome));
        Assert.Null(adopted.CommendedAt);
        var commended = (await Suggestions.CommendSuggestionAsync(new CommendSuggestionRequest
            { CaseId = adoptedOne.CaseId, Commendation = "备案并颁发人民建议奖" }, Bureau)).Suggestion;
        Assert.Equal(("commended", "备案并颁发人民建议奖"), (commended.Status, commended.Commendation));
        await Refused(() => Suggestions.CommendSuggestionAsync(new CommendSuggestionRequest { CaseId = adoptedOne.CaseId, Commendation = "再次表扬" }, Bureau)
            .ResponseAsync, StatusCode.FailedPrecondition, "SuggestionAlreadyCommended");

        await Suggestions.PassSuggestionAsync(new PassSuggestionRequest { CaseId = rejectedOne.CaseId, UnitCode = Department }, Bureau);
        await Suggestions.EvaluateSuggestionAsync(Evaluation(rejectedOne.CaseId, "not_adopted", "与现行规划冲突"), Housing);
        await Refused(() => Suggestions.CommendSuggestionAsync(new CommendSuggestionRequest { CaseId = rejectedOne.CaseId, Commendation = "表扬" }, Bureau)
            .ResponseAsync, StatusCode.FailedPrecondition, "CommendationNeedsAdoption");

        var final = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "suggestion_commended", "the proposer to see the commendation");
        Assert.Equal(("建议已被采纳并予以表彰", "采纳", "建议增开夜间公交线路，已纳入明年计划", "备案并颁发人民建议奖"),
            (final.StatusText, final.SuggestionOutcome, final.SuggestionReasons, final.Commendation));
        Assert.Empty(final.Holders);

        var report = await Eventually.UntilAsync(() => Reporting.GetSuggestionReportAsync(new GetSuggestionReportRequest
        {
            ReceivedFrom = Timestamp.FromDateTimeOffset(from), ReceivedTo = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)), RegionCode = Region,
        }, Bureau).ResponseAsync, r => r.Totals.Commended == 1 && r.Totals.NotAdopted == 1, "the report to count both suggestions");
        var row = Assert.Single(report.Rows);
        Assert.Equal((Region, Topic, 2, 2, 1, 0, 1, 1), (row.RegionCode, row.Topic, row.Received, row.Evaluated, row.Adopted, row.PartlyAdopted, row.NotAdopted,
            row.Commended));
        // The same figures as a spreadsheet download (CSV), with the bureau's token.
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Reporting.HttpPort}") })
        {
            http.DefaultRequestHeaders.Authorization = System.Net.Http.Headers.AuthenticationHeaderValue.Parse(Bureau.Get("authorization")!.Value);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var csv = await http.GetStringAsync($"/reports/suggestions?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}&region={Region}&format=csv");
            Assert.Contains($"{Region},{Topic},2,2,1,0,1,1", csv);
        }
        // Suggestions are left out of the complaint statistics: no case to rate, nothing to screen.
        var rates = await Reporting.GetRatesAsync(new GetRatesRequest
        {
            RegisteredFrom = Timestamp.FromDateTimeOffset(from), RegisteredTo = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)), RegionCode = Region,
        }, Bureau);
        Assert.Equal(0, rates.Cases);
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month + 2) / 3}";
        var screening = await Reporting.GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = quarter, RegionCode = Region }, Bureau);
        Assert.Equal((0, 0), (screening.RegisteredInQuarter, screening.Entries.Count));
        // Outside the bureau's jurisdiction: PermissionDenied.
        await Refused(() => Reporting.GetSuggestionReportAsync(new GetSuggestionReportRequest
        {
            ReceivedFrom = Timestamp.FromDateTimeOffset(from), ReceivedTo = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), RegionCode = "320500",
        }, Bureau).ResponseAsync, StatusCode.PermissionDenied);

        var timeline = await Eventually.UntilAsync(() => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = adoptedOne.CaseId }, Bureau).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "SuggestionCommended"), "the commendation on the timeline");
        Assert.Equal(new[] { "PetitionRegistered", "SuggestionReceived", "SuggestionPassed", "SuggestionEvaluated", "SuggestionCommended" },
            timeline.Entries.Select(e => e.Kind).ToArray());
    }

    [Fact]
    public async Task An_evaluation_without_reasons_or_outcome_is_refused_field_by_field_and_changes_nothing()
    {
        var registered = await RegisterAsync(r => (r.Category, r.RegionCode) = (Category.Suggestion, OtherRegion));
        await SuggestionAsync(registered.CaseId, s => s.Status == "received", "the suggestion on its own track", OtherRegion);
        await Suggestions.PassSuggestionAsync(new PassSuggestionRequest { CaseId = registered.CaseId, UnitCode = Department }, Bureau);

        Fields(await Refused(() => Suggestions.EvaluateSuggestionAsync(Evaluation(registered.CaseId, "adopted", "   "), Housing).ResponseAsync,
            StatusCode.InvalidArgument), "reasons");
        Fields(await Refused(() => Suggestions.EvaluateSuggestionAsync(Evaluation(registered.CaseId, "maybe", ""), Housing).ResponseAsync,
            StatusCode.InvalidArgument), "outcome", "reasons");
        Fields(await Refused(() => Suggestions.EvaluateSuggestionAsync(Evaluation("not-a-case", "", new string('理', 4001)), Housing).ResponseAsync,
            StatusCode.InvalidArgument), "case_id", "outcome", "reasons");
        Fields(await Refused(() => Suggestions.PassSuggestionAsync(new PassSuggestionRequest { CaseId = registered.CaseId, UnitCode = "no-such-unit" }, Bureau)
            .ResponseAsync, StatusCode.InvalidArgument), "unit_code");
        Fields(await Refused(() => Suggestions.CommendSuggestionAsync(new CommendSuggestionRequest { CaseId = registered.CaseId }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument), "commendation");
        Fields(await Refused(() => Suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { Status = "lost", RegionCode = "32" }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument), "status", "region_code");

        var unchanged = await SuggestionAsync(registered.CaseId, _ => true, "the suggestion", OtherRegion);
        // An accusation by the people's suggestion channel stays on the complaint track, where the accused unit is shielded.
        var accusation = await RegisterAsync(r =>
            (r.Channel, r.Category, r.AccusedUnit, r.RegionCode) = (Channel.PeoplesSuggestion, Category.Accusation, "xuanwu-housing-office", OtherRegion));
        var routed = await Eventually.UntilAsync(() => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = accusation.CaseId }, Bureau).ResponseAsync,
            c => c.Case.Status != "", "the accusation's case");
        Assert.NotEqual("suggestion", routed.Case.Status);
        Assert.DoesNotContain((await Suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = OtherRegion, PageSize = 500 }, Bureau)).Suggestions,
            s => s.CaseId == accusation.CaseId);
        Assert.Equal(("passed", "", ""), (unchanged.Status, unchanged.Outcome, unchanged.Reasons));
        // A department lists only what was passed to it.
        var listed = await Suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { Status = "passed", PageSize = 500 }, Housing);
        Assert.Contains(listed.Suggestions, s => s.CaseId == registered.CaseId);
        Assert.All(listed.Suggestions, s => Assert.Equal(Department, s.UnitCode));
        Assert.DoesNotContain((await Suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { PageSize = 500 }, Callers.Department("nanjing-labour-bureau")))
            .Suggestions, s => s.CaseId == registered.CaseId);
    }

    private async Task<RegisterPetitionResponse> RegisterAsync(Action<RegisterPetitionRequest> adjust)
    {
        var request = Fixtures.Petitions.Valid(region: Region, topic: Topic);
        adjust(request);
        return await Intake.RegisterPetitionAsync(request, Callers.Clerk());
    }

    private Task<SuggestionView> SuggestionAsync(string caseId, Func<SuggestionView, bool> holds, string waitingFor, string region = Region) =>
        Eventually.UntilAsync(async () => (await Suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = region, PageSize = 500 }, Bureau))
            .Suggestions.FirstOrDefault(s => s.CaseId == caseId), s => s is not null && holds(s), waitingFor)!;

    private async Task<PetitionProgress> ProgressAsync(PetitionerProof proof) =>
        (await Intake.GetPetitionProgressAsync(new GetPetitionProgressRequest { Proof = proof })).Progress;

    private static EvaluateSuggestionRequest Evaluation(string caseId, string outcome, string reasons) =>
        new() { CaseId = caseId, Outcome = outcome, Reasons = reasons };

    private static void Fields(RpcException ex, params string[] fields) =>
        Assert.Equal(fields.Order(), ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order());
}
