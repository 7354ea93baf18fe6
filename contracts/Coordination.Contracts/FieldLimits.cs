namespace Coordination.Contracts;

/// <summary>
/// The longest value each text field may hold: one definition, used by the gRPC edge (FieldErrors.Text names the field
/// that is too long) and by the EF Core mappings (HasMaxLength), so a request the edge accepts always fits its column,
/// including a column of another service that the value travels to in an event.
/// </summary>
public static class FieldLimits
{
    public const int UnitCode = 64;
    public const int RegionCode = 6;
    /// <summary>The holiday a calendar day belongs to (国庆节, 春节调休).</summary>
    public const int CalendarDayName = 40;
    /// <summary>A rule set's version (2026.1).</summary>
    public const int RuleSetVersion = 32;
    public const int CaseNumber = 32;
    public const int Login = 64;
    /// <summary>Why a person is kept away from a case (回避: kin, an interest, a former role in it).</summary>
    public const int RecusalReason = 500;

    /// <summary>Why a meeting is wanted, as its proposer writes it (a bureau, a committee's RequestJointMeeting).</summary>
    public const int MeetingReason = 200;
    /// <summary>The stored reason: who proposed it (a role and a unit code) before the proposer's own words.</summary>
    public const int MeetingReasonStored = MeetingReason + 100;
    public const int MeetingAgenda = 2000;
    public const int MeetingPlace = 200;
    public const int MeetingMinutes = 8000;
    public const int MeetingResolution = 4000;
    public const int MeetingPosition = 8000;
    public const int MeetingHandlingStatus = 2000;
    public const int MeetingDeclineReason = 2000;
    public const int MeetingDelegate = 64;
    public const int MeetingEscalationReason = 2000;
    public const int ActionItemTask = 2000;
    public const int ActionItemReply = 4000;
    public const int ActionItemEvidence = 2000;
    public const int ActionItemSendBackReason = 2000;

    public const int ReferralDeclineReasons = 2000;
    public const int ReferralNote = 2000;
    public const int ReferralConclusionDetail = 2000;
    public const int MajorCaseReason = 2000;
    public const int SupervisionContent = 2000;
    public const int SupervisionReply = 2000;
    public const int Lawyer = 64;
    public const int LawFirm = 100;
    public const int LegalAdvice = 4000;
    public const int InstitutionName = 100;
    public const int LegalChannel = 40;

    public const int Topic = 64;
    public const int ReturnReasons = 2000;
    public const int ExtensionReason = 2000;
    public const int ReportAnswer = 4000;
    /// <summary>Why the bureau refused a return or an extension (travels in the event to the timeline).</summary>
    public const int DecisionReason = 2000;
    public const int SendBackReasons = 2000;
    /// <summary>A responsible group, leader or person (§9).</summary>
    public const int ResponsibleName = 64;
    public const int ReviewReasons = 2000;
    public const int RatingReason = 2000;
    public const int ReviewAnswer = 4000;
    /// <summary>People's suggestions (§18): the department's reasons, the bureau's commendation.</summary>
    public const int SuggestionReasons = 4000;
    public const int SuggestionCommendation = 2000;
    /// <summary>Case ownership (包案, §12): the handling plan and each progress note.</summary>
    public const int OwnershipPlan = 4000;
    public const int OwnershipProgressNote = 4000;

    public const int MajorEventTitle = 200;
    public const int MajorEventReport = 4000;
    public const int MajorEventSummary = 2000;
    public const int DispatchNote = 2000;
    public const int AccountabilityReasons = 2000;
    /// <summary>One line of an accountability file's evidence, as the rule writes it.</summary>
    public const int EvidenceLine = 400;

    public const int RequestId = 64;
    public const int PetitionSummary = 4000;
    public const int PetitionerName = 64;
    public const int LeaderName = 64;
    public const int LeaderTitle = 64;
    public const int ReceptionPlace = 200;
}
