using System.Diagnostics;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Recusal (回避, ADR 30): a person who declared an interest in a case, or for whom an administrator recorded one, never
/// sees the case through any method of any service and cannot act on it; a colleague of the same unit is not affected.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_person_is_recused(SystemFixture system) : IDisposable
{
    private const string Password = "Recusal-Passw0rd-2026";
    private readonly DirectorySignIn directory = new(system);
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private AssignmentService.AssignmentServiceClient Assignment => new(system.Assignment.Channel);
    private LegalDiversionService.LegalDiversionServiceClient Legal => new(system.LegalDiversion.Channel);
    private JointMeetingService.JointMeetingServiceClient Meetings => new(system.JointMeeting.Channel);
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);

    public void Dispose() => directory.Dispose();

    /// <summary>Two people of one unit, each signed in with a password: the one to be recused and a colleague.</summary>
    private async Task<(string Login, Metadata Recused, Metadata Colleague)> TwoOfAsync(string role, string unit)
    {
        var (recused, colleague) = (await directory.NewPersonAsync(role, unit, Password), await directory.NewPersonAsync(role, unit, Password));
        return (recused, DirectorySignIn.Bearer(await directory.AccessTokenAsync(recused, Password)),
            DirectorySignIn.Bearer(await directory.AccessTokenAsync(colleague, Password)));
    }

    private async Task<RegisterPetitionResponse> RegisterAsync(Action<RegisterPetitionRequest>? adjust = null)
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        adjust?.Invoke(request);
        return await Intake.RegisterPetitionAsync(request, Callers.Clerk());
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    [Fact]
    public async Task A_recused_clerk_is_refused_by_every_case_method_while_a_colleague_is_not()
    {
        var (login, recused, colleague) = await TwoOfAsync(Roles.Clerk, "nanjing-petition-bureau");
        var registered = await RegisterAsync();
        var caseId = registered.CaseId;
        var assignment = await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(caseId), Callers.Department("xuanwu-housing-office", "320102"));
        await Eventually.UntilAsync(() => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, colleague).ResponseAsync,
            t => t.Entries.Count > 0, "the case's timeline");
        var recorded = await directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = login, CaseId = caseId, Reason = "申请人系其近亲属" },
            await directory.AdministratorAsync());
        Assert.Equal((login, "recorded", "admin"), (recorded.Recusal.Login, recorded.Recusal.Source, recorded.Recusal.RecordedBy));
        await Eventually.UntilAsync(() => StatusOf(() => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, recused).ResponseAsync),
            s => s == StatusCode.NotFound, "Reporting to keep the recused clerk away");

        var byCase = new (string Method, Func<Metadata, Task> Call)[]
        {
            ("GetPetition", h => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, h).ResponseAsync),
            ("GetCase", h => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, h).ResponseAsync),
            ("ListDeadlines", h => Assignment.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, h).ResponseAsync),
            ("ListAttachments", h => Assignment.ListAttachmentsAsync(new ListAttachmentsRequest { CaseId = caseId }, h).ResponseAsync),
            ("RateReply", h => Assignment.RateReplyAsync(new RateReplyRequest { CaseId = caseId, Rating = "satisfied" }, h).ResponseAsync),
            ("RequestReview", h => Assignment.RequestReviewAsync(new RequestReviewRequest { CaseId = caseId, Reasons = "不服处理意见" }, h).ResponseAsync),
            ("GetCaseTimeline", h => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, h).ResponseAsync),
        };
        foreach (var (method, call) in byCase)
        {
            Assert.Equal((method, StatusCode.NotFound), (method, await StatusOf(() => call(recused))));
            Assert.NotEqual((method, StatusCode.NotFound), (method, await StatusOf(() => call(colleague))));
        }
        var refused = await Refused(() => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, recused).ResponseAsync, StatusCode.NotFound);
        Assert.Equal("case not found", refused.Status.Detail); // worded as for a case that does not exist

        async Task<(bool Listed, bool Found)> SeenBy(Metadata h) => (
            (await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320102", PageSize = 500 }, h)).Petitions.Any(p => p.CaseId == caseId),
            (await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { CaseNumber = registered.CaseNumber }, h)).Petitions.Any(p => p.CaseId == caseId));
        Assert.Equal((false, false), await SeenBy(recused));
        Assert.Equal((true, true), await SeenBy(colleague));
        Assert.DoesNotContain((await Meetings.ListMeetingsAsync(new ListMeetingsRequest(), recused)).Meetings, m => m.CaseIds.Contains(caseId));

        var unchanged = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, colleague);
        Assert.Equal(("", ""), (unchanged.Case.Rating, unchanged.Case.ReviewDecision));
        Assert.Equal(assignment.AssignmentId, unchanged.Case.Assignments.Single().AssignmentId);
        var listed = await directory.Api.ListRecusalsAsync(new ListRecusalsRequest { CaseId = caseId }, await directory.AdministratorAsync());
        Assert.Equal([login], listed.Recusals.Select(r => r.Login));
    }

    [Fact]
    public async Task A_declared_interest_takes_effect_at_once_for_the_token_already_held()
    {
        var (_, recused, colleague) = await TwoOfAsync(Roles.Department, "xuanwu-housing-office");
        var registered = await RegisterAsync();
        var caseId = registered.CaseId;
        var assignment = await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(caseId), recused);
        await Eventually.UntilAsync(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, recused).ResponseAsync, p => p is not null,
            "Intake to let the housing office read the petition");
        var since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1));
        await Eventually.UntilAsync(() => NoticeReachesAsync(colleague, since, caseId), reached => reached, "the hand-over's notice");

        var declared = Stopwatch.StartNew();
        var reply = await directory.Api.DeclareInterestAsync(new DeclareInterestRequest { CaseId = caseId.ToUpperInvariant(), Reason = "本人系被投诉小区业主" }, recused);
        Assert.Equal(("declared", caseId), (reply.Recusal.Source, reply.Recusal.CaseId));
        // The same token, no new sign-in: each service refuses as soon as it has the Directory's event.
        await Eventually.UntilAsync(() => StatusOf(() => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, recused).ResponseAsync),
            s => s == StatusCode.NotFound, "Assignment to keep the person away", TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => StatusOf(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, recused).ResponseAsync),
            s => s == StatusCode.NotFound, "Intake to keep the person away", TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => NoticesAsync(recused, since, caseId), n => n == 0, "Reporting to keep the notices away", TimeSpan.FromSeconds(5));
        Assert.True(declared.Elapsed < TimeSpan.FromSeconds(5), $"took {declared.Elapsed}");

        await Refused(() => Assignment.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, recused).ResponseAsync,
            StatusCode.NotFound, "assignment not found");
        await Refused(() => Uploads.EvidenceAsync(Assignment, assignment.AssignmentId, Uploads.Pdf(500), recused), StatusCode.NotFound);
        // Refused at the header, answered only when the client has finished writing: a client that does not catch its
        // writes' failures gets the reason, never Cancelled (before the server read uploads to their end, a few in a
        // hundred came back Cancelled).
        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            try
            {
                await Uploads.EvidenceAsync(Assignment, assignment.AssignmentId, Uploads.Pdf(i % 2 == 0 ? 100 : 100_000), recused, plainClient: true);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));
        Assert.All(statuses, s => Assert.Equal(StatusCode.NotFound, s));
        Assert.DoesNotContain((await Assignment.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 500 }, recused)).Assignments,
            a => a.CaseId == caseId);
        Assert.Equal("pending", (await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, colleague)).Case.Assignments.Single().Status);

        var acknowledged = await Assignment.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, colleague);
        Assert.Equal("acknowledged", acknowledged.Assignment.Status);
        Assert.True(await NoticeReachesAsync(colleague, since, caseId));
        var own = await directory.Api.ListRecusalsAsync(new ListRecusalsRequest(), recused);
        Assert.Equal([caseId], own.Recusals.Select(r => r.CaseId));
        Assert.Empty((await directory.Api.ListRecusalsAsync(new ListRecusalsRequest(), colleague)).Recusals);
    }

    /// <summary>
    /// Whether a notice about the case reaches a stream opened since then within 2 s: it replays what was recorded, so the
    /// answer comes as soon as the notice does, not after a window.
    /// </summary>
    private async Task<bool> NoticeReachesAsync(Metadata who, Timestamp since, string caseId)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = new NotificationWatch(Reporting.WatchNotifications(new WatchNotificationsRequest { Since = since }, who, cancellationToken: stop.Token), stop.Token);
        try
        {
            await watch.FirstAsync(n => n.CaseId == caseId, stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// How many notices about the case a stream replays since then (it sends what was recorded, then waits). For "none":
    /// the stream has no mark for "all that was recorded is sent", so it is read for a window of 1.5 s.
    /// </summary>
    private async Task<int> NoticesAsync(Metadata who, Timestamp since, string caseId)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = new NotificationWatch(Reporting.WatchNotifications(new WatchNotificationsRequest { Since = since }, who, cancellationToken: stop.Token), stop.Token);
        await watch.Opened;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), stop.Token);
        }
        catch (OperationCanceledException) { }
        return watch.Received.Count(r => r.Notification.Notification.CaseId == caseId);
    }

    [Fact]
    public async Task Neither_the_referral_nor_the_meeting_of_the_case_reaches_a_recused_member()
    {
        var (committeeLogin, committee, committeeColleague) = await TwoOfAsync(Roles.Committee, "nanjing-political-legal-committee");
        var (bureauLogin, bureau, bureauColleague) = await TwoOfAsync(Roles.Bureau, "nanjing-petition-bureau");
        var legalCase = (await RegisterAsync(r => r.LawRelated = true)).CaseId;
        var meetingCase = (await RegisterAsync(r => r.OtherRegionCodes.Add("321100"))).CaseId;
        var referral = (await Eventually.UntilAsync(() => Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = legalCase }, committeeColleague).ResponseAsync,
            r => r.Referrals.Count == 1, "the referral to open")).Referrals[0];
        var meeting = (await Eventually.UntilAsync(() => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = meetingCase }, bureauColleague).ResponseAsync,
            r => r.Meetings.Count == 1, "the meeting to be proposed")).Meetings[0];
        var administrator = await directory.AdministratorAsync();
        await directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = committeeLogin, CaseId = legalCase, Reason = "曾代理该案" }, administrator);
        await directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = bureauLogin, CaseId = meetingCase, Reason = "与申请人有利害关系" }, administrator);
        await Eventually.UntilAsync(() => StatusOf(() => Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting.MeetingId }, bureau).ResponseAsync),
            s => s == StatusCode.NotFound, "JointMeeting to keep the bureau member away");
        await Eventually.UntilAsync(() => StatusOf(() => Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = legalCase }, committee).ResponseAsync),
            s => s == StatusCode.NotFound, "LegalDiversion to keep the committee member away");

        Assert.DoesNotContain((await Legal.ListReferralsAsync(new ListReferralsRequest { PageSize = 500 }, committee)).Referrals, r => r.CaseId == legalCase);
        Assert.Contains((await Legal.ListReferralsAsync(new ListReferralsRequest { PageSize = 500 }, committeeColleague)).Referrals, r => r.CaseId == legalCase);
        await Refused(() => Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" },
            committee).ResponseAsync, StatusCode.NotFound, "referral not found");
        await Refused(() => Legal.MarkMajorAsync(new MarkMajorRequest { ReferralId = referral.ReferralId, Reason = "疑难" }, committee).ResponseAsync, StatusCode.NotFound);
        Assert.Equal("open", (await Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = legalCase }, committeeColleague)).Referrals.Single().Status);
        Assert.DoesNotContain((await Reporting.GetLegalCasesAsync(new GetLegalCasesRequest(), committee)).Cases, c => c.CaseId == legalCase);

        Assert.DoesNotContain((await Meetings.ListMeetingsAsync(new ListMeetingsRequest { PageSize = 500 }, bureau)).Meetings, m => m.MeetingId == meeting.MeetingId);
        await Refused(() => Meetings.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = meeting.MeetingId, Agenda = "跨区域协调", ScheduledAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)), Place = "市信访局",
            Parties = { "xuanwu-gov" }, AnswerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), PositionsBy = DateTime.UtcNow.AddDays(8).ToString("yyyy-MM-dd"),
        }, bureau).ResponseAsync, StatusCode.NotFound, "meeting not found");
        Assert.Equal("proposed", (await Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting.MeetingId }, bureauColleague)).Meeting.Status);
    }

    [Fact]
    public async Task A_bad_recusal_is_refused_naming_each_field_and_changes_nothing()
    {
        var administrator = await directory.AdministratorAsync();
        var (login, clerk, _) = await TwoOfAsync(Roles.Clerk, "nanjing-petition-bureau");
        var ex = await Refused(() => directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = "Not A Login", CaseId = "320102-2026-000001",
            Reason = new string('理', 501) }, administrator).ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "login", "case_id", "reason" }) Assert.Contains(field + ":", ex.Status.Detail);
        ex = await Refused(() => directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = "nobody.here", CaseId = Guid.NewGuid().ToString(),
            Reason = "近亲属" }, administrator).ResponseAsync, StatusCode.InvalidArgument);
        Assert.Contains("login: 'nobody.here' is not a person of the directory", ex.Status.Detail);
        ex = await Refused(() => directory.Api.DeclareInterestAsync(new DeclareInterestRequest { CaseId = Guid.Empty.ToString(), Reason = " \t" }, clerk).ResponseAsync,
            StatusCode.InvalidArgument);
        Assert.Equal(2, new[] { "case_id:", "reason:" }.Count(ex.Status.Detail.Contains));
        await Refused(() => directory.Api.DeclareInterestAsync(new DeclareInterestRequest { CaseId = Guid.NewGuid().ToString(), Reason = "近亲属" }, administrator)
            .ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => directory.Api.RecordRecusalAsync(new RecordRecusalRequest { Login = login, CaseId = Guid.NewGuid().ToString(), Reason = "近亲属" }, clerk)
            .ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => directory.Api.ListRecusalsAsync(new ListRecusalsRequest { Login = "admin" }, clerk).ResponseAsync, StatusCode.PermissionDenied);
        Assert.Empty((await directory.Api.ListRecusalsAsync(new ListRecusalsRequest { Login = login }, administrator)).Recusals);
    }
}
