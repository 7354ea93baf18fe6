using Coordination.Grpc.Operations;
using System.Net;
using System.Net.Http.Headers;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Coordination.IntegrationTests.Authorization.AccessMatrix;

namespace Coordination.IntegrationTests.Authorization;

/// <summary>
/// One valid request per method, about the world's things (a region: the world's, 320102). A call returns the reply's text,
/// or throws the RpcException it ended with (HTTP downloads: their status as the gRPC code it stands for).
/// </summary>
public static class MatrixCalls
{
    public delegate Task<string> Call(MatrixWorld w, Metadata headers);

    private static async Task<string> Reply<T>(AsyncUnaryCall<T> call) => (await call.ResponseAsync)!.ToString()!;

    private static Timestamp Ago(int days) => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-days));
    private static Timestamp Now => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
    private static string Month => DateTime.UtcNow.ToString("yyyy-MM");
    private const string R = MatrixWorld.Region;

    private static IntakeService.IntakeServiceClient Intake(MatrixWorld w) => new(w.System.Intake.Channel);
    private static PetitionerProof Proof(MatrixWorld w) => new() { QueryCode = w.QueryCode, SecondFactor = "0000" };
    private static AssignmentService.AssignmentServiceClient Assignment(MatrixWorld w) => new(w.System.Assignment.Channel);
    private static SuggestionService.SuggestionServiceClient Suggestions(MatrixWorld w) => new(w.System.Assignment.Channel);
    private static CaseOwnershipService.CaseOwnershipServiceClient Ownerships(MatrixWorld w) => new(w.System.Assignment.Channel);
    private static MajorEventService.MajorEventServiceClient MajorEvents(MatrixWorld w) => new(w.System.Assignment.Channel);
    private static AccountabilityService.AccountabilityServiceClient Accountability(MatrixWorld w) => new(w.System.Assignment.Channel);
    private static LegalDiversionService.LegalDiversionServiceClient Legal(MatrixWorld w) => new(w.System.LegalDiversion.Channel);
    private static JointMeetingService.JointMeetingServiceClient Meetings(MatrixWorld w) => new(w.System.JointMeeting.Channel);
    private static ReportingService.ReportingServiceClient Reporting(MatrixWorld w) => new(w.System.Reporting.Channel);
    private static DirectoryService.DirectoryServiceClient Directory(MatrixWorld w) => new(w.System.Directory.Channel);
    /// <summary>Every service answers for its own outbox with the same code; Intake's stands for all.</summary>
    private static OutboxService.OutboxServiceClient Outbox(MatrixWorld w) => new(w.System.Intake.Channel);

    public static readonly IReadOnlyDictionary<string, Call> All = new Dictionary<string, Call>
    {
        ["IntakeService/RegisterPetition"] = (w, h) => Reply(Intake(w).RegisterPetitionAsync(Petitions.Valid(region: R, topic: "labour"), h)),
        ["IntakeService/GetPetition"] = (w, h) => Reply(Intake(w).GetPetitionAsync(new GetPetitionRequest { CaseId = w.CaseId }, h)),
        ["IntakeService/ListPetitions"] = (w, h) => Reply(Intake(w).ListPetitionsAsync(new ListPetitionsRequest { RegionCode = R, PageSize = 500 }, h)),
        ["IntakeService/GetPetitionStatus"] = (w, h) => Reply(Intake(w).GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = w.QueryCode }, h)),
        ["IntakeService/ScheduleReceptionDay"] = (w, h) => Reply(Intake(w).ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
        {
            LeaderName = "李区长", LeaderTitle = "区长", Level = ReceptionLevel.County, RegionCode = R, Date = MatrixWorld.Day(25), Place = "玄武区信访局",
        }, h)),
        ["IntakeService/CompleteReceptionDay"] = (w, h) => Reply(Intake(w).CompleteReceptionDayAsync(new CompleteReceptionDayRequest { ReceptionDayId = w.ReceptionDayId }, h)),
        ["IntakeService/GetReceptionDay"] = (w, h) => Reply(Intake(w).GetReceptionDayAsync(new GetReceptionDayRequest { ReceptionDayId = w.ReceptionDayId }, h)),
        ["IntakeService/ListTopics"] = (w, h) => Reply(Intake(w).ListTopicsAsync(new ListTopicsRequest(), h)),
        // The petitioner's proof: the world's petition was registered with the phone 13800000000.
        ["IntakeService/GetPetitionProgress"] = (w, h) => Reply(Intake(w).GetPetitionProgressAsync(new GetPetitionProgressRequest { Proof = Proof(w) }, h)),
        // Before the answer: FailedPrecondition, past every check of who may ask.
        ["IntakeService/RatePetitionReply"] = (w, h) => Reply(Intake(w).RatePetitionReplyAsync(new RatePetitionReplyRequest
            { Proof = Proof(w), Rating = ReplyRating.Satisfied }, h)),
        ["IntakeService/RequestPetitionReview"] = (w, h) => Reply(Intake(w).RequestPetitionReviewAsync(new RequestPetitionReviewRequest
            { Proof = Proof(w), Reasons = "不服" }, h)),
        ["IntakeService/SearchPetitions"] = (w, h) => Reply(Intake(w).SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = "张三", PageSize = 500 }, h)),

        ["AssignmentService/ListAssignments"] = (w, h) => Reply(Assignment(w).ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 500 }, h)),
        ["AssignmentService/AcknowledgeAssignment"] = (w, h) => Reply(Assignment(w).AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = w.AssignmentId }, h)),
        ["AssignmentService/GetCase"] = (w, h) => Reply(Assignment(w).GetCaseAsync(new GetCaseRequest { CaseId = w.CaseId }, h)),
        ["AssignmentService/NotifyAcceptance"] = (w, h) => Reply(Assignment(w).NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = w.AssignmentId }, h)),
        ["AssignmentService/RequestReturn"] = (w, h) => Reply(Assignment(w).RequestReturnAsync(new RequestReturnRequest { AssignmentId = w.AssignmentId, Reasons = "非本单位职责" }, h)),
        ["AssignmentService/RequestExtension"] = (w, h) => Reply(Assignment(w).RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = w.AssignmentId, Days = 10,
            Reason = "需现场核查" }, h)),
        ["AssignmentService/SubmitReport"] = (w, h) => Reply(Assignment(w).SubmitReportAsync(new SubmitReportRequest { AssignmentId = w.AssignmentId, Outcome = "explained",
            Answer = "已解释说明" }, h)),
        ["AssignmentService/SignOffReport"] = (w, h) => Reply(Assignment(w).SignOffReportAsync(new SignOffReportRequest { AssignmentId = w.AssignmentId }, h)),
        ["AssignmentService/RouteCase"] = (w, h) => Reply(Assignment(w).RouteCaseAsync(new RouteCaseRequest { CaseId = w.CaseId, UnitCode = "nanjing-housing-bureau",
            Kind = "assignment" }, h)),
        ["AssignmentService/DecideReturn"] = (w, h) => Reply(Assignment(w).DecideReturnAsync(new DecideReturnRequest { AssignmentId = w.AssignmentId, Approve = false,
            Reason = "属于本单位职责" }, h)),
        ["AssignmentService/DecideExtension"] = (w, h) => Reply(Assignment(w).DecideExtensionAsync(new DecideExtensionRequest { AssignmentId = w.AssignmentId, Approve = false,
            Reason = "无须延期" }, h)),
        ["AssignmentService/ReviewReport"] = (w, h) => Reply(Assignment(w).ReviewReportAsync(new ReviewReportRequest { AssignmentId = w.AssignmentId, Approve = false,
            Reasons = "请补充材料" }, h)),
        ["AssignmentService/SendReply"] = (w, h) => Reply(Assignment(w).SendReplyAsync(new SendReplyRequest { CaseId = w.CaseId }, h)),
        ["AssignmentService/AssignResponsibility"] = (w, h) => Reply(Assignment(w).AssignResponsibilityAsync(new AssignResponsibilityRequest { CaseId = w.CaseId,
            Unit = "xuanwu-housing-office", Group = "专班", Leader = "张局长", Person = "李科长" }, h)),
        ["AssignmentService/DecideReview"] = (w, h) => Reply(Assignment(w).DecideReviewAsync(new DecideReviewRequest { CaseId = w.CaseId, Decision = "upheld",
            Answer = "维持原处理意见" }, h)),
        ["AssignmentService/StartHearing"] = (w, h) => Reply(Assignment(w).StartHearingAsync(new StartHearingRequest { CaseId = w.CaseId }, h)),
        ["AssignmentService/EndHearing"] = (w, h) => Reply(Assignment(w).EndHearingAsync(new EndHearingRequest { CaseId = w.CaseId }, h)),
        ["AssignmentService/RateReply"] = (w, h) => Reply(Assignment(w).RateReplyAsync(new RateReplyRequest { CaseId = w.CaseId, Rating = "satisfied" }, h)),
        ["AssignmentService/RequestReview"] = (w, h) => Reply(Assignment(w).RequestReviewAsync(new RequestReviewRequest { CaseId = w.CaseId, Reasons = "不服处理意见" }, h)),
        ["AssignmentService/ListDeadlines"] = (w, h) => Reply(Assignment(w).ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = w.CaseId }, h)),
        // Far-future effects only: the run's other tests keep the rule set and calendar they count on.
        ["AssignmentService/ListRuleSets"] = (w, h) => Reply(Assignment(w).ListRuleSetsAsync(new ListRuleSetsRequest(), h)),
        ["AssignmentService/SaveRuleSet"] = (w, h) => Reply(Assignment(w).SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = FarFutureRuleSet() }, h)),
        ["AssignmentService/PreviewDeadlines"] = (w, h) => Reply(Assignment(w).PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-12-01" }, h)),
        ["AssignmentService/UploadReplyEvidence"] = async (w, h) =>
            (await Uploads.EvidenceAsync(Assignment(w), w.AssignmentId, Uploads.Pdf(2000), h)).ToString(),
        ["AssignmentService/ListAttachments"] = (w, h) => Reply(Assignment(w).ListAttachmentsAsync(new ListAttachmentsRequest { CaseId = w.CaseId }, h)),
        ["AssignmentService/DownloadAttachment"] = async (w, h) => (await Uploads.DownloadAsync(Assignment(w), w.AttachmentId, h)).Attachment.ToString(),

        ["MajorEventService/OpenMajorEvent"] = (w, h) => Reply(MajorEvents(w).OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = w.CaseId,
            Kind = "collective_visit", Title = "集体访" }, h)),
        ["MajorEventService/ReportMajorEvent"] = (w, h) => Reply(MajorEvents(w).ReportMajorEventAsync(new ReportMajorEventRequest { MajorEventId = w.MajorEventId,
            Levels = { "city" }, Content = "续报" }, h)),
        // Refused while a team is out (FailedPrecondition): past every check of who may ask.
        ["MajorEventService/CloseMajorEvent"] = (w, h) => Reply(MajorEvents(w).CloseMajorEventAsync(new CloseMajorEventRequest { MajorEventId = w.MajorEventId,
            Summary = "已处置" }, h)),
        ["MajorEventService/DispatchReturnTeam"] = (w, h) => Reply(MajorEvents(w).DispatchReturnTeamAsync(new DispatchReturnTeamRequest { MajorEventId = w.MajorEventId,
            Destination = "beijing", FromUnit = "xuanwu-gov", People = { "staff.li" }, DepartAt = Now }, h)),
        ["MajorEventService/RecordDispatchOutcome"] = (w, h) => Reply(MajorEvents(w).RecordDispatchOutcomeAsync(new RecordDispatchOutcomeRequest
            { DispatchId = w.DispatchId, Outcome = "received", PetitionersReturned = 2, Note = "接返" }, h)),
        ["MajorEventService/GetMajorEvent"] = (w, h) => Reply(MajorEvents(w).GetMajorEventAsync(new GetMajorEventRequest { MajorEventId = w.MajorEventId }, h)),
        ["MajorEventService/ListMajorEvents"] = (w, h) => Reply(MajorEvents(w).ListMajorEventsAsync(new ListMajorEventsRequest { PageSize = 500 }, h)),
        ["MajorEventService/ListEarlyWarnings"] = (w, h) => Reply(MajorEvents(w).ListEarlyWarningsAsync(new ListEarlyWarningsRequest { PageSize = 500 }, h)),

        ["AccountabilityService/ListAccountabilityFiles"] = (w, h) => Reply(Accountability(w).ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest
            { RegionCode = R, PageSize = 500 }, h)),
        ["AccountabilityService/GetAccountabilityFile"] = (w, h) => Reply(Accountability(w).GetAccountabilityFileAsync(new GetAccountabilityFileRequest { FileId = w.FileId }, h)),
        ["AccountabilityService/DecideAccountability"] = (w, h) => Reply(Accountability(w).DecideAccountabilityAsync(new DecideAccountabilityRequest { FileId = w.FileId,
            Decision = "criticism", Reasons = "批评教育" }, h)),
        ["AccountabilityService/GetAccountabilityRegister"] = (w, h) => Reply(Accountability(w).GetAccountabilityRegisterAsync(new GetAccountabilityRegisterRequest
            { Month = Month, RegionCode = R }, h)),
        ["AccountabilityService/ListAccountabilityRules"] = (w, h) => Reply(Accountability(w).ListAccountabilityRulesAsync(new ListAccountabilityRulesRequest(), h)),
        // The seeded values again: the run's other tests keep the rule they count on.
        ["AccountabilityService/SaveAccountabilityRule"] = (w, h) => Reply(Accountability(w).SaveAccountabilityRuleAsync(new SaveAccountabilityRuleRequest
            { Rule = new AccountabilityRuleView { Kind = "overdue_after_supervision", Enabled = true, WorkingDays = 5 } }, h)),

        ["LegalDiversionService/ListReferrals"] = (w, h) => Reply(Legal(w).ListReferralsAsync(new ListReferralsRequest(), h)),
        ["LegalDiversionService/GetBoard"] = (w, h) => Reply(Legal(w).GetBoardAsync(new GetBoardRequest(), h)),
        ["LegalDiversionService/ListInstitutions"] = (w, h) => Reply(Legal(w).ListInstitutionsAsync(new ListInstitutionsRequest(), h)),
        ["LegalDiversionService/ReferCase"] = (w, h) => Reply(Legal(w).ReferCaseAsync(new ReferCaseRequest { ReferralId = w.ReferralId, Channel = "court_litigation",
            InstitutionCode = "xuanwu-court" }, h)),
        ["LegalDiversionService/ConcludeReferral"] = (w, h) => Reply(Legal(w).ConcludeReferralAsync(new ConcludeReferralRequest { ReferralId = w.ReferralId,
            Conclusion = "returned_to_petition_track", Detail = "转回信访渠道" }, h)),
        ["LegalDiversionService/MarkMajor"] = (w, h) => Reply(Legal(w).MarkMajorAsync(new MarkMajorRequest { ReferralId = w.ReferralId, Reason = "重大疑难" }, h)),
        ["LegalDiversionService/RequestJointMeeting"] = (w, h) => Reply(Legal(w).RequestJointMeetingAsync(new RequestJointMeetingRequest { ReferralId = w.ReferralId,
            Reason = "需多部门会商" }, h)),
        ["LegalDiversionService/IssueSupervisionOrder"] = (w, h) => Reply(Legal(w).IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest { ReferralId = w.ReferralId,
            AddresseeCode = "xuanwu-court", Content = "请及时办理", DueDate = MatrixWorld.Day(30) }, h)),
        ["LegalDiversionService/ListSupervisionOrders"] = (w, h) => Reply(Legal(w).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { ReferralId = w.ReferralId }, h)),
        ["LegalDiversionService/RecordLegalAdvice"] = (w, h) => Reply(Legal(w).RecordLegalAdviceAsync(new RecordLegalAdviceRequest { CaseId = w.LegalCaseId, Lawyer = "王律师",
            Firm = "某律师事务所", Advice = "建议通过诉讼解决" }, h)),
        ["LegalDiversionService/AcknowledgeReferral"] = (w, h) => Reply(Legal(w).AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = w.ReferralId,
            Decision = "filed" }, h)),
        ["LegalDiversionService/PostReferralUpdate"] = (w, h) => Reply(Legal(w).PostReferralUpdateAsync(new PostReferralUpdateRequest { ReferralId = w.ReferralId,
            Update = "hearing_scheduled", Note = "定于下月开庭" }, h)),
        ["LegalDiversionService/ReplySupervisionOrder"] = (w, h) => Reply(Legal(w).ReplySupervisionOrderAsync(new ReplySupervisionOrderRequest { OrderId = w.OrderId,
            Reply = "已立案" }, h)),

        ["JointMeetingService/ListMeetings"] = (w, h) => Reply(Meetings(w).ListMeetingsAsync(new ListMeetingsRequest(), h)),
        ["JointMeetingService/GetMeeting"] = (w, h) => Reply(Meetings(w).GetMeetingAsync(new GetMeetingRequest { MeetingId = w.MeetingId }, h)),
        ["JointMeetingService/ProposeMeeting"] = (w, h) => Reply(Meetings(w).ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { w.MeetingCaseId }, Reason = "会办" }, h)),
        ["JointMeetingService/ConveneMeeting"] = (w, h) => Reply(Meetings(w).ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = w.MeetingId, Agenda = "协调", ScheduledAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(12)), Place = "市信访局",
            Parties = { "xuanwu-gov" }, AnswerBy = MatrixWorld.Day(5), PositionsBy = MatrixWorld.Day(8),
        }, h)),
        ["JointMeetingService/HoldMeeting"] = (w, h) => Reply(Meetings(w).HoldMeetingAsync(new HoldMeetingRequest { MeetingId = w.MeetingId, Minutes = "纪要",
            Resolution = "决议" }, h)),
        ["JointMeetingService/EscalateMeeting"] = (w, h) => Reply(Meetings(w).EscalateMeetingAsync(new EscalateMeetingRequest { MeetingId = w.MeetingId, Reason = "需党委协调" }, h)),
        ["JointMeetingService/IssueActionItem"] = (w, h) => Reply(Meetings(w).IssueActionItemAsync(new IssueActionItemRequest { MeetingId = w.MeetingId,
            Owner = "xuanwu-gov", Task = "督促落实", DueDate = MatrixWorld.Day(20) }, h)),
        ["JointMeetingService/ReviewActionItem"] = (w, h) => Reply(Meetings(w).ReviewActionItemAsync(new ReviewActionItemRequest { ItemId = w.ItemId, Accept = false,
            Reason = "证据不足" }, h)),
        ["JointMeetingService/CloseMeeting"] = (w, h) => Reply(Meetings(w).CloseMeetingAsync(new CloseMeetingRequest { MeetingId = w.MeetingId }, h)),
        ["JointMeetingService/ScheduleRecurring"] = (w, h) => Reply(Meetings(w).ScheduleRecurringAsync(new ScheduleRecurringRequest
        {
            Agenda = "月度会办", Parties = { "xuanwu-gov" }, FirstAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(15)), Place = "市信访局",
            EveryMonths = 1, Occurrences = 1,
        }, h)),
        ["JointMeetingService/AnswerInvitation"] = (w, h) => Reply(Meetings(w).AnswerInvitationAsync(new AnswerInvitationRequest { MeetingId = w.MeetingId,
            Response = "confirm" }, h)),
        ["JointMeetingService/SubmitPosition"] = (w, h) => Reply(Meetings(w).SubmitPositionAsync(new SubmitPositionRequest { MeetingId = w.MeetingId, Position = "同意",
            HandlingStatus = "办理中" }, h)),
        ["JointMeetingService/ReplyActionItem"] = (w, h) => Reply(Meetings(w).ReplyActionItemAsync(new ReplyActionItemRequest { ItemId = w.ItemId, Reply = "已整改",
            Evidence = "整改报告" }, h)),
        ["JointMeetingService/UploadMeetingMinutes"] = (w, h) => UploadAsync(Meetings(w).UploadMeetingMinutes(h),
            new UploadMeetingMinutesRequest { Header = TextFile(w.MeetingId) }, new UploadMeetingMinutesRequest { Chunk = TextBytes }),
        ["JointMeetingService/UploadActionItemProof"] = (w, h) => UploadAsync(Meetings(w).UploadActionItemProof(h),
            new UploadActionItemProofRequest { Header = TextFile(w.ItemId) }, new UploadActionItemProofRequest { Chunk = TextBytes }),
        ["JointMeetingService/ListMeetingAttachments"] = (w, h) => Reply(Meetings(w).ListMeetingAttachmentsAsync(new ListMeetingAttachmentsRequest { MeetingId = w.MeetingId }, h)),
        ["JointMeetingService/DownloadMeetingAttachment"] = (w, h) => DownloadMinutesAsync(w, h),

        ["ReportingService/GetCaseTimeline"] = (w, h) => Reply(Reporting(w).GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = w.CaseId }, h)),
        ["ReportingService/GetBeijingBulletin"] = (w, h) => Reply(Reporting(w).GetBeijingBulletinAsync(new GetBeijingBulletinRequest { Month = Month, RegionCode = R }, h)),
        ["ReportingService/GetRates"] = (w, h) => Reply(Reporting(w).GetRatesAsync(new GetRatesRequest { RegisteredFrom = Ago(30), RegisteredTo = Now, RegionCode = R }, h)),
        ["ReportingService/RebuildReadModels"] = (w, h) => Reply(Reporting(w).RebuildReadModelsAsync(new RebuildReadModelsRequest(), h)),
        ["ReportingService/GetReadModelRebuild"] = (w, h) => Reply(Reporting(w).GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = w.RebuildId }, h)),
        ["ReportingService/WatchEarlyWarnings"] = WatchAsync,
        ["ReportingService/WatchNotifications"] = WatchNotificationsAsync,
        ["ReportingService/GetReceptionCompliance"] = (w, h) => Reply(Reporting(w).GetReceptionComplianceAsync(new GetReceptionComplianceRequest { Month = Month, RegionCode = R }, h)),
        ["ReportingService/GetUnitPerformance"] = (w, h) => Reply(Reporting(w).GetUnitPerformanceAsync(new GetUnitPerformanceRequest { RegisteredFrom = Ago(30),
            RegisteredTo = Now, RegionCode = R }, h)),
        ["ReportingService/GetKeyManagedCounties"] = (w, h) => Reply(Reporting(w).GetKeyManagedCountiesAsync(new GetKeyManagedCountiesRequest { AsOfMonth = Month,
            RegionCode = R }, h)),
        ["ReportingService/GetJointMeetingReport"] = (w, h) => Reply(Reporting(w).GetJointMeetingReportAsync(new GetJointMeetingReportRequest { RegionCode = R }, h)),
        ["ReportingService/GetOverdueList"] = (w, h) => Reply(Reporting(w).GetOverdueListAsync(new GetOverdueListRequest { RegionCode = R }, h)),
        ["ReportingService/GetLegalCases"] = (w, h) => Reply(Reporting(w).GetLegalCasesAsync(new GetLegalCasesRequest { RegionCode = R }, h)),
        ["ReportingService/GetScreeningRegister"] = (w, h) => Reply(Reporting(w).GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = Quarter,
            RegionCode = R }, h)),
        ["ReportingService/GetMajorEventReport"] = (w, h) => Reply(Reporting(w).GetMajorEventReportAsync(new GetMajorEventReportRequest { Month = Month, RegionCode = R }, h)),
        ["ReportingService/GetLiveDashboard"] = (w, h) => Reply(Reporting(w).GetLiveDashboardAsync(new GetLiveDashboardRequest { RegionCode = R }, h)),
        ["ReportingService/GetSuggestionReport"] = (w, h) => Reply(Reporting(w).GetSuggestionReportAsync(new GetSuggestionReportRequest
            { ReceivedFrom = Ago(30), ReceivedTo = Now, RegionCode = R }, h)),

        ["SuggestionService/ListSuggestions"] = (w, h) => Reply(Suggestions(w).ListSuggestionsAsync(new ListSuggestionsRequest { PageSize = 500 }, h)),
        // Passed again to the same department: the world's suggestion stays with the housing office.
        ["SuggestionService/PassSuggestion"] = (w, h) => Reply(Suggestions(w).PassSuggestionAsync(new PassSuggestionRequest
            { CaseId = w.SuggestionCaseId, UnitCode = "xuanwu-housing-office" }, h)),
        ["SuggestionService/EvaluateSuggestion"] = (w, h) => Reply(Suggestions(w).EvaluateSuggestionAsync(new EvaluateSuggestionRequest
            { CaseId = w.SuggestionCaseId, Outcome = "adopted", Reasons = "可行，予以采纳" }, h)),
        ["SuggestionService/CommendSuggestion"] = (w, h) => Reply(Suggestions(w).CommendSuggestionAsync(new CommendSuggestionRequest
            { CaseId = w.SuggestionCaseId, Commendation = "备案表扬" }, h)),
        // The world's long-standing case is owned already: in scope, CaseAlreadyOwned (FailedPrecondition).
        ["CaseOwnershipService/TakeCaseOwnership"] = (w, h) => Reply(Ownerships(w).TakeCaseOwnershipAsync(new TakeCaseOwnershipRequest
            { CaseId = w.OwnedCaseId, Plan = "包案化解", JointUnits = { "xuanwu-gov" } }, h)),
        ["CaseOwnershipService/RecordOwnershipProgress"] = (w, h) => Reply(Ownerships(w).RecordOwnershipProgressAsync(new RecordOwnershipProgressRequest
            { OwnershipId = w.OwnershipId, Note = "已约谈信访人" }, h)),
        ["CaseOwnershipService/ListOwnedCases"] = (w, h) => Reply(Ownerships(w).ListOwnedCasesAsync(new ListOwnedCasesRequest { PageSize = 500 }, h)),

        [$"{Downloads}//reports/beijing-bulletin"] = (w, h) => DownloadAsync(w, h, $"/reports/beijing-bulletin?month={Month}&region={R}"),
        [$"{Downloads}//reports/rates"] = (w, h) => DownloadAsync(w, h, $"/reports/rates?from={MatrixWorld.Day(-30)}&to={MatrixWorld.Day(1)}&region={R}"),
        [$"{Downloads}//reports/suggestions"] = (w, h) => DownloadAsync(w, h, $"/reports/suggestions?from={MatrixWorld.Day(-30)}&to={MatrixWorld.Day(1)}&region={R}"),
        [$"{Downloads}//reports/key-counties"] = (w, h) => DownloadAsync(w, h, $"/reports/key-counties?month={Month}&region={R}"),
        [$"{Downloads}//reports/reception-compliance"] = (w, h) => DownloadAsync(w, h, $"/reports/reception-compliance?month={Month}&region={R}"),
        [$"{Downloads}//reports/unit-performance"] = (w, h) => DownloadAsync(w, h, $"/reports/unit-performance?from={MatrixWorld.Day(-30)}&to={MatrixWorld.Day(1)}&region={R}"),
        [$"{Downloads}//reports/joint-meetings"] = (w, h) => DownloadAsync(w, h, $"/reports/joint-meetings?region={R}"),
        [$"{Downloads}//reports/overdue"] = (w, h) => DownloadAsync(w, h, $"/reports/overdue?region={R}"),
        [$"{Downloads}//reports/legal-cases"] = (w, h) => DownloadAsync(w, h, $"/reports/legal-cases?region={R}"),
        [$"{Downloads}//reports/screening"] = (w, h) => DownloadAsync(w, h, $"/reports/screening?quarter={Quarter}&region={R}"),

        ["OutboxService/ListQuarantinedMessages"] = (w, h) => Reply(Outbox(w).ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest(), h)),
        ["OutboxService/ReleaseQuarantinedMessage"] = (w, h) => Reply(Outbox(w).ReleaseQuarantinedMessageAsync(
            new ReleaseQuarantinedMessageRequest { MessageId = w.Quarantined.ToRelease.ToString() }, h)),
        ["OutboxService/DiscardQuarantinedMessage"] = (w, h) => Reply(Outbox(w).DiscardQuarantinedMessageAsync(
            new DiscardQuarantinedMessageRequest { MessageId = w.Quarantined.ToDiscard.ToString() }, h)),
        ["DirectoryService/GetWorkingCalendar"] = (w, h) => Reply(Directory(w).GetWorkingCalendarAsync(new GetWorkingCalendarRequest { Year = 2026 }, h)),
        ["DirectoryService/ChangeWorkingCalendar"] = (w, h) => Reply(Directory(w).ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest
            { Days = { new CalendarDay { Date = "2099-01-01", Kind = "holiday", Name = "元旦" } } }, h)),
        ["DirectoryService/ListUnits"] = (w, h) => Reply(Directory(w).ListUnitsAsync(new ListUnitsRequest { RegionCode = R }, h)),
        ["DirectoryService/GetUnit"] = (w, h) => Reply(Directory(w).GetUnitAsync(new GetUnitRequest { Code = "xuanwu-housing-office" }, h)),
        ["DirectoryService/RegisterUnit"] = (w, h) => Reply(Directory(w).RegisterUnitAsync(NewUnit(), h)),
        ["DirectoryService/ChangeUnit"] = (w, h) => Reply(Directory(w).ChangeUnitAsync(new ChangeUnitRequest { Code = w.UnitCode, Name = "矩阵更名办公室" + Guid.NewGuid().ToString("N")[..6] }, h)),
        ["DirectoryService/ListPeople"] = (w, h) => Reply(Directory(w).ListPeopleAsync(new ListPeopleRequest { UnitCode = "xuanwu-housing-office" }, h)),
        ["DirectoryService/GetPerson"] = (w, h) => Reply(Directory(w).GetPersonAsync(new GetPersonRequest { Login = w.Logins[(Department, true)] }, h)),
        ["DirectoryService/RegisterPerson"] = (w, h) => Reply(Directory(w).RegisterPersonAsync(new RegisterPersonRequest
        {
            Login = "matrix." + Guid.NewGuid().ToString("N")[..12], Name = "新用户", UnitCode = "nanjing-culture-bureau", Role = "department", Password = MatrixWorld.Password,
        }, h)),
        ["DirectoryService/DeactivatePerson"] = (w, h) => Reply(Directory(w).DeactivatePersonAsync(new DeactivatePersonRequest { Login = w.VictimLogin }, h)),
        ["DirectoryService/ChangePassword"] = (w, h) => Reply(Directory(w).ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = MatrixWorld.Password,
            NewPassword = MatrixWorld.NewPassword }, h)),
        ["DirectoryService/WhoAmI"] = (w, h) => Reply(Directory(w).WhoAmIAsync(new WhoAmIRequest(), h)),
        // A case id of no case: the Directory does not know cases, and no later call of the matrix is kept from the world's.
        ["DirectoryService/DeclareInterest"] = (w, h) => Reply(Directory(w).DeclareInterestAsync(new DeclareInterestRequest { CaseId = Guid.NewGuid().ToString(),
            Reason = "近亲属" }, h)),
        ["DirectoryService/RecordRecusal"] = (w, h) => Reply(Directory(w).RecordRecusalAsync(new RecordRecusalRequest { Login = w.Logins[(Department, false)],
            CaseId = Guid.NewGuid().ToString(), Reason = "曾参与处理" }, h)),
        ["DirectoryService/ListRecusals"] = (w, h) => Reply(Directory(w).ListRecusalsAsync(new ListRecusalsRequest(), h)),
    };

    private static string Quarter => $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month + 2) / 3}";

    private static RuleSet FarFutureRuleSet() => RuleSets.Valid("2099-01-01");

    private static RegisterUnitRequest NewUnit()
    {
        var code = "matrix-new-" + Guid.NewGuid().ToString("N")[..8];
        return new RegisterUnitRequest { Code = code, Name = "矩阵新单位" + code[^8..], Kind = "department", RegionCode = R, ParentCode = "xuanwu-gov" };
    }

    private static readonly Google.Protobuf.ByteString TextBytes = Google.Protobuf.ByteString.CopyFromUtf8("会议纪要");

    private static Coordination.Grpc.Attachments.AttachmentHeader TextFile(string subjectId) =>
        new() { SubjectId = subjectId, FileName = "纪要.txt", ContentType = "text/plain" };

    /// <summary>A header and one chunk; a refusal comes back as the call's status.</summary>
    private static async Task<string> UploadAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, TRequest header, TRequest chunk)
    {
        using (call)
        {
            await call.RequestStream.WriteAsync(header);
            await call.RequestStream.WriteAsync(chunk);
            await call.RequestStream.CompleteAsync();
            return (await call.ResponseAsync)!.ToString()!;
        }
    }

    private static async Task<string> DownloadMinutesAsync(MatrixWorld w, Metadata headers)
    {
        using var call = Meetings(w).DownloadMeetingAttachment(new DownloadMeetingAttachmentRequest { AttachmentId = w.MinutesId }, headers);
        var seen = new System.Text.StringBuilder();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) seen.AppendLine(call.ResponseStream.Current.ToString());
        return seen.ToString();
    }

    /// <summary>A stream is allowed when it opens; it is then left after a moment.</summary>
    private static async Task<string> WatchAsync(MatrixWorld w, Metadata headers)
    {
        using var call = Reporting(w).WatchEarlyWarnings(new WatchEarlyWarningsRequest { RegionCode = R, Since = Now }, headers,
            deadline: DateTime.UtcNow.AddMilliseconds(2000)); // a refusal comes first even on a busy machine
        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
        }
        return "";
    }

    /// <summary>The notifications of the last 29 days a stream sends in a moment: the world's own are shown only in scope.</summary>
    private static async Task<string> WatchNotificationsAsync(MatrixWorld w, Metadata headers)
    {
        // The stream sends its headers once it is allowed (ADR 24); a refusal ends it instead, however slow the machine.
        // Once open, what it sends in the next moment is read.
        using var call = Reporting(w).WatchNotifications(new WatchNotificationsRequest { Since = Ago(29) }, headers, deadline: DateTime.UtcNow.AddSeconds(30));
        await call.ResponseHeadersAsync;
        var seen = new System.Text.StringBuilder();
        using var moment = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        try
        {
            while (await call.ResponseStream.MoveNext(moment.Token)) seen.AppendLine(call.ResponseStream.Current.ToString());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded && moment.IsCancellationRequested)
        {
        }
        return seen.ToString();
    }

    private static async Task<string> DownloadAsync(MatrixWorld w, Metadata headers, string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{w.System.Reporting.HttpPort}") };
        var bearer = headers.FirstOrDefault(e => e.Key == "authorization")?.Value;
        if (bearer is not null) http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(bearer);
        using var response = await http.GetAsync(pathAndQuery + "&format=json");
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode switch
        {
            HttpStatusCode.OK => body,
            HttpStatusCode.Unauthorized => throw new RpcException(new Status(StatusCode.Unauthenticated, body)),
            HttpStatusCode.Forbidden => throw new RpcException(new Status(StatusCode.PermissionDenied, body)),
            HttpStatusCode.NotFound => throw new RpcException(new Status(StatusCode.NotFound, body)),
            _ => throw new RpcException(new Status(StatusCode.Unknown, $"HTTP {(int)response.StatusCode}: {body}")),
        };
    }
}
