using static Coordination.IntegrationTests.Authorization.Access;

namespace Coordination.IntegrationTests.Authorization;

/// <summary>
/// Who may do what: every gRPC method of every service and every HTTP download, for every role, in scope (the caller's own
/// unit or jurisdiction) and out of scope (another unit's, another city's). The matrix test calls each through the running
/// services and the README renders it ("Who may do what"). A method without a row fails the test.
/// </summary>
public static class AccessMatrix
{
    public const string Clerk = "clerk", Department = "department", Committee = "committee", Institution = "institution", Bureau = "bureau",
        Leader = "leader", Administrator = "administrator", Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> Columns = [Clerk, Department, Committee, Institution, Bureau, Leader, Administrator, Anonymous];

    public const string Downloads = "Reporting downloads (HTTP)";

    /// <summary>Methods of the case services that are about no case: a recused person calls them as anyone (ADR 30).</summary>
    private static readonly HashSet<string> AboutNoCase =
    [
        "IntakeService/RegisterPetition", "IntakeService/ScheduleReceptionDay", "IntakeService/CompleteReceptionDay", "IntakeService/GetReceptionDay",
        "IntakeService/ListTopics", "IntakeService/GetPetitionStatus", "IntakeService/GetPetitionProgress", "IntakeService/RatePetitionReply",
        "IntakeService/RequestPetitionReview", "LegalDiversionService/ListInstitutions", "JointMeetingService/ScheduleRecurring",
        "AccountabilityService/ListAccountabilityRules",
    ];

    /// <summary>Lists whose request names a thing of the case (a referral's orders, a meeting's files): NotFound rather than empty.</summary>
    private static readonly HashSet<string> ListsOfOneCase =
    [
        "AssignmentService/ListDeadlines", "AssignmentService/ListAttachments", "LegalDiversionService/ListSupervisionOrders",
        "JointMeetingService/ListMeetingAttachments",
    ];

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        Row("IntakeService", "RegisterPetition", "the petition's region", clerk: Region, bureau: Region),
        Row("IntakeService", "GetPetition", "a case (department: assigned to it)", clerk: Scoped, department: Scoped, bureau: Scoped, leader: Scoped),
        Row("IntakeService", "ListPetitions", "the region asked for", clerk: Region, bureau: Region, leader: Region),
        Row("IntakeService", "GetPetitionStatus", "the query code (no token needed)", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any,
            leader: Any, administrator: Any, anonymous: Any),
        Row("IntakeService", "ScheduleReceptionDay", "the day's region", clerk: Region, bureau: Region),
        Row("IntakeService", "CompleteReceptionDay", "a reception day", clerk: Scoped, bureau: Scoped),
        Row("IntakeService", "GetReceptionDay", "a reception day", clerk: Scoped, bureau: Scoped, leader: Scoped),
        Row("IntakeService", "ListTopics", "—", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any),
        Row("IntakeService", "GetPetitionProgress", "the query code and its second factor (no token needed)", clerk: Any, department: Any, committee: Any,
            institution: Any, bureau: Any, leader: Any, administrator: Any, anonymous: Any),
        Row("IntakeService", "RatePetitionReply", "the query code and its second factor (no token needed)", clerk: Any, department: Any, committee: Any,
            institution: Any, bureau: Any, leader: Any, administrator: Any, anonymous: Any),
        Row("IntakeService", "RequestPetitionReview", "the query code and its second factor (no token needed)", clerk: Any, department: Any, committee: Any,
            institution: Any, bureau: Any, leader: Any, administrator: Any, anonymous: Any),
        Row("IntakeService", "SearchPetitions", "cases of its jurisdiction (department: assigned to it; never the accused unit's)", clerk: Listed,
            department: Listed, bureau: Listed, leader: Listed),

        Row("AssignmentService", "ListAssignments", "the unit's own hand-overs", department: Listed),
        Row("AssignmentService", "AcknowledgeAssignment", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "GetCase", "a case (department: while it holds a hand-over)", clerk: Scoped, department: Scoped, bureau: Scoped, leader: Scoped),
        Row("AssignmentService", "NotifyAcceptance", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "RequestReturn", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "RequestExtension", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "SubmitReport", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "SignOffReport", "a hand-over of the leader's unit", leader: Scoped),
        Row("AssignmentService", "RouteCase", "a case", bureau: Scoped),
        Row("AssignmentService", "DecideReturn", "a hand-over of a case", bureau: Scoped),
        Row("AssignmentService", "DecideExtension", "a hand-over of a case", bureau: Scoped),
        Row("AssignmentService", "ReviewReport", "a hand-over of a case", bureau: Scoped),
        Row("AssignmentService", "SendReply", "a case", bureau: Scoped),
        Row("AssignmentService", "AssignResponsibility", "a case", bureau: Scoped),
        Row("AssignmentService", "DecideReview", "a case", bureau: Scoped),
        Row("AssignmentService", "StartHearing", "a case", bureau: Scoped),
        Row("AssignmentService", "EndHearing", "a case", bureau: Scoped),
        Row("AssignmentService", "RateReply", "a case", clerk: Scoped, bureau: Scoped),
        Row("AssignmentService", "RequestReview", "a case", clerk: Scoped, bureau: Scoped),
        Row("AssignmentService", "ListDeadlines", "a case (department: its own limits only)", clerk: Scoped, department: Scoped, bureau: Scoped, leader: Scoped),
        Row("AssignmentService", "ListRuleSets", "the rule sets", administrator: Any),
        Row("AssignmentService", "SaveRuleSet", "the rule sets", administrator: Any),
        Row("AssignmentService", "PreviewDeadlines", "the rule sets and the working calendar", administrator: Any),
        Row("AssignmentService", "UploadReplyEvidence", "a hand-over (its own)", department: Scoped),
        Row("AssignmentService", "ListAttachments", "a case (department: its own hand-overs' files)", clerk: Scoped, department: Scoped, bureau: Scoped,
            leader: Scoped),
        Row("AssignmentService", "DownloadAttachment", "a case's file (department: of a hand-over it holds)", clerk: Scoped, department: Scoped, bureau: Scoped,
            leader: Scoped),

        Row("SuggestionService", "ListSuggestions", "suggestions (bureau, leader: its jurisdiction; department: passed to it)", department: Listed,
            bureau: Listed, leader: Listed),
        Row("SuggestionService", "PassSuggestion", "a suggestion of its jurisdiction", bureau: Scoped),
        Row("SuggestionService", "EvaluateSuggestion", "a suggestion passed to it", department: Scoped),
        Row("SuggestionService", "CommendSuggestion", "a suggestion of its jurisdiction", bureau: Scoped),
        Row("CaseOwnershipService", "TakeCaseOwnership", "a long-standing petitioner's case of its jurisdiction", leader: Scoped),
        Row("CaseOwnershipService", "RecordOwnershipProgress", "a case the leader owns", leader: Scoped),
        Row("CaseOwnershipService", "ListOwnedCases", "owned cases (leader: its own; bureau: its jurisdiction)", bureau: Listed, leader: Listed),

        Row("MajorEventService", "OpenMajorEvent", "a case", bureau: Scoped),
        Row("MajorEventService", "ReportMajorEvent", "a major event", bureau: Scoped),
        Row("MajorEventService", "CloseMajorEvent", "a major event", bureau: Scoped),
        Row("MajorEventService", "DispatchReturnTeam", "a major event", bureau: Scoped),
        Row("MajorEventService", "RecordDispatchOutcome", "a dispatch of a major event", bureau: Scoped),
        Row("MajorEventService", "GetMajorEvent", "a major event", bureau: Scoped, leader: Scoped),
        Row("MajorEventService", "ListMajorEvents", "major events of its jurisdiction", bureau: Listed, leader: Listed),
        Row("MajorEventService", "ListEarlyWarnings", "early warnings of its jurisdiction", bureau: Listed, leader: Listed),

        Row("AccountabilityService", "ListAccountabilityFiles", "the region asked for", bureau: Region, leader: Region),
        Row("AccountabilityService", "GetAccountabilityFile", "an accountability file", bureau: Scoped, leader: Scoped),
        Row("AccountabilityService", "DecideAccountability", "an accountability file", bureau: Scoped),
        Row("AccountabilityService", "GetAccountabilityRegister", "the region asked for", bureau: Region, leader: Region),
        Row("AccountabilityService", "ListAccountabilityRules", "the rules", bureau: Any, administrator: Any),
        Row("AccountabilityService", "SaveAccountabilityRule", "the rules", administrator: Any),

        Row("LegalDiversionService", "ListReferrals", "referrals (institution: addressed to it)", committee: Listed, institution: Listed, bureau: Listed),
        Row("LegalDiversionService", "GetBoard", "referrals of the jurisdiction", committee: Listed, bureau: Listed),
        Row("LegalDiversionService", "ListInstitutions", "—", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any),
        Row("LegalDiversionService", "ReferCase", "a referral", committee: Scoped, bureau: Scoped),
        Row("LegalDiversionService", "ConcludeReferral", "a referral", committee: Scoped, bureau: Scoped),
        Row("LegalDiversionService", "MarkMajor", "a referral", committee: Scoped),
        Row("LegalDiversionService", "RequestJointMeeting", "a referral", committee: Scoped),
        Row("LegalDiversionService", "IssueSupervisionOrder", "a referral", committee: Scoped),
        Row("LegalDiversionService", "ListSupervisionOrders", "a referral's orders (addressee: its own)", department: Listed, committee: Listed, institution: Listed,
            bureau: Listed),
        Row("LegalDiversionService", "RecordLegalAdvice", "a legal case", clerk: Scoped, committee: Scoped, bureau: Scoped),
        Row("LegalDiversionService", "AcknowledgeReferral", "a referral addressed to it", institution: Scoped),
        Row("LegalDiversionService", "PostReferralUpdate", "a referral addressed to it", institution: Scoped),
        Row("LegalDiversionService", "ReplySupervisionOrder", "an order addressed to it (here: a court's)", department: Unseen, institution: Scoped),

        Row("JointMeetingService", "ListMeetings", "meetings (bureau: its jurisdiction; others: invited)", clerk: Listed, department: Listed, committee: Listed,
            institution: Listed, bureau: Listed, leader: Listed),
        Row("JointMeetingService", "GetMeeting", "a meeting (its jurisdiction, or invited)", clerk: Unseen, department: Scoped, committee: Unseen, institution: Unseen,
            bureau: Scoped, leader: Scoped),
        Row("JointMeetingService", "ProposeMeeting", "cases awaiting a meeting in its jurisdiction", bureau: Scoped),
        Row("JointMeetingService", "ConveneMeeting", "a proposed meeting of its jurisdiction", bureau: Scoped),
        Row("JointMeetingService", "HoldMeeting", "a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "EscalateMeeting", "a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "IssueActionItem", "a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "ReviewActionItem", "an item of a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "CloseMeeting", "a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "ScheduleRecurring", "its own region", bureau: Any),
        Row("JointMeetingService", "AnswerInvitation", "a meeting it is invited to", clerk: Unseen, department: Scoped, committee: Unseen, institution: Unseen,
            bureau: Unseen, leader: Scoped),
        Row("JointMeetingService", "SubmitPosition", "a meeting it is invited to", clerk: Unseen, department: Scoped, committee: Unseen, institution: Unseen,
            bureau: Unseen, leader: Scoped),
        Row("JointMeetingService", "ReplyActionItem", "an action item it owns", clerk: Unseen, department: Scoped, committee: Unseen, institution: Unseen,
            bureau: Unseen, leader: Scoped),
        Row("JointMeetingService", "UploadMeetingMinutes", "a meeting it convened", bureau: Scoped),
        Row("JointMeetingService", "UploadActionItemProof", "an action item it owns", clerk: Unseen, department: Scoped, committee: Unseen, institution: Unseen,
            bureau: Unseen, leader: Scoped),
        Row("JointMeetingService", "ListMeetingAttachments", "a meeting (its jurisdiction, or invited)", clerk: Unseen, department: Scoped, committee: Unseen,
            institution: Unseen, bureau: Scoped, leader: Scoped),
        Row("JointMeetingService", "DownloadMeetingAttachment", "a meeting's file (its jurisdiction, or invited)", clerk: Unseen, department: Scoped,
            committee: Unseen, institution: Unseen, bureau: Scoped, leader: Scoped),

        Row("ReportingService", "GetCaseTimeline", "a case", clerk: Scoped, bureau: Scoped, leader: Scoped),
        Row("ReportingService", "GetBeijingBulletin", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetRates", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "RebuildReadModels", "the whole system", administrator: Any),
        Row("ReportingService", "GetReadModelRebuild", "a rebuild", administrator: Any),
        Row("ReportingService", "WatchEarlyWarnings", "the region asked for", committee: Region, bureau: Region, leader: Region),
        Row("ReportingService", "WatchNotifications", "the unit's own notices (committee: also its jurisdiction's legal cases)", department: Listed,
            committee: Listed, institution: Listed, leader: Listed),
        Row("ReportingService", "GetReceptionCompliance", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetUnitPerformance", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetKeyManagedCounties", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetJointMeetingReport", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetOverdueList", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetLegalCases", "the region asked for", committee: Region, bureau: Region, leader: Region),
        Row("ReportingService", "GetScreeningRegister", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetLiveDashboard", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetSuggestionReport", "the region asked for", bureau: Region, leader: Region),
        Row("ReportingService", "GetMajorEventReport", "the region asked for", bureau: Region, leader: Region),

        Row(Downloads, "/reports/beijing-bulletin", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/rates", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/key-counties", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/reception-compliance", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/unit-performance", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/joint-meetings", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/overdue", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/legal-cases", "the region asked for", committee: Region, bureau: Region, leader: Region),
        Row(Downloads, "/reports/screening", "the region asked for", bureau: Region, leader: Region),
        Row(Downloads, "/reports/suggestions", "the region asked for", bureau: Region, leader: Region),

        Row("OutboxService", "ListQuarantinedMessages", "the called service's own outbox", administrator: Any),
        Row("OutboxService", "ReleaseQuarantinedMessage", "a quarantined row of that outbox", administrator: Any),
        Row("OutboxService", "DiscardQuarantinedMessage", "a quarantined row of that outbox", administrator: Any),

        Row("DirectoryService", "ListUnits", "—", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any, administrator: Any),
        Row("DirectoryService", "GetUnit", "—", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any, administrator: Any),
        Row("DirectoryService", "RegisterUnit", "the directory", administrator: Any),
        Row("DirectoryService", "ChangeUnit", "the directory", administrator: Any),
        Row("DirectoryService", "ListPeople", "people (bureau, leader: its jurisdiction; others: its unit)", clerk: Listed, department: Listed, committee: Listed,
            institution: Listed, bureau: Listed, leader: Listed, administrator: Any),
        Row("DirectoryService", "GetPerson", "a person (bureau, leader: its jurisdiction; others: its unit)", clerk: Unseen, department: Scoped, committee: Unseen,
            institution: Unseen, bureau: Scoped, leader: Scoped, administrator: Any),
        Row("DirectoryService", "RegisterPerson", "the directory", administrator: Any),
        Row("DirectoryService", "DeactivatePerson", "the directory", administrator: Any),
        Row("DirectoryService", "ChangePassword", "the caller's own account", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any,
            administrator: Any),
        Row("DirectoryService", "WhoAmI", "the caller's own token", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any,
            administrator: Any),
        Row("DirectoryService", "GetWorkingCalendar", "—", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any, leader: Any,
            administrator: Any),
        Row("DirectoryService", "ChangeWorkingCalendar", "the working calendar", administrator: Any),
        Row("DirectoryService", "DeclareInterest", "the caller's own recusal", clerk: Any, department: Any, committee: Any, institution: Any, bureau: Any,
            leader: Any),
        Row("DirectoryService", "RecordRecusal", "the directory", administrator: Any),
        Row("DirectoryService", "ListRecusals", "recusals (administrator: anyone's; others: their own)", clerk: Listed, department: Listed, committee: Listed,
            institution: Listed, bureau: Listed, leader: Listed, administrator: Any),
    ];

    private static Recusal RecusalOf(string service, string method, IEnumerable<Access> caseRoles)
    {
        var key = $"{service}/{method}";
        var allowed = caseRoles.Where(a => a.InScope is Outcome.Allowed).ToList();
        if (allowed.Count == 0) return Recusal.None;
        if (service is "DirectoryService" or "OutboxService" || AboutNoCase.Contains(key)) return Recusal.Unaffected;
        if (ListsOfOneCase.Contains(key) || allowed.Any(a => a == Scoped)) return Recusal.NotFound;
        return Recusal.LeftOut;
    }

    private static MatrixRow Row(string service, string method, string subject, Access? clerk = null, Access? department = null, Access? committee = null,
        Access? institution = null, Access? bureau = null, Access? leader = null, Access? administrator = null, Access? anonymous = null) =>
        new(service, method, subject, new Dictionary<string, Access>
        {
            [Clerk] = clerk ?? No, [Department] = department ?? No, [Committee] = committee ?? No, [Institution] = institution ?? No, [Bureau] = bureau ?? No,
            [Leader] = leader ?? No, [Administrator] = administrator ?? No, [Anonymous] = anonymous ?? NoToken,
        }, RecusalOf(service, method, new[] { clerk, department, committee, institution, bureau, leader }.Select(a => a ?? No)));

    /// <summary>The case roles: the people who can be recused.</summary>
    public static readonly IReadOnlyList<string> CaseRoles = [Clerk, Department, Committee, Institution, Bureau, Leader];
}
