using Coordination.ServiceDefaults.Rules;

namespace Coordination.Intake.Domain;

/// <summary>
/// What the petitioner may read of their case's handling, copied from Assignment's events (Assignment owns the handling):
/// the units holding it and by when, the answer, the rating and the review. Also the petitioner's own requests that
/// Assignment has not yet recorded or refused. Unit codes only: names are looked up when shown, staff are never named.
/// </summary>
public sealed class CaseProgress
{
    public Guid CaseId { get; init; }
    public List<ProgressHolder> Holders { get; init; } = [];
    public string? Answer { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    /// <summary>Until when review (after the answer) or re-review (after the review's decision) may be asked for.</summary>
    public DateTimeOffset? ReviewWindowEndsAt { get; private set; }
    public string? Rating { get; private set; }
    public string? RatingReason { get; private set; }
    public bool RatedByPetitioner { get; private set; }
    /// <summary>review or rereview, once asked for.</summary>
    public string? ReviewStage { get; private set; }
    public DateTimeOffset? ReviewDecideBy { get; private set; }
    /// <summary>upheld, changed or revoked, once the (latest) review is decided.</summary>
    public string? ReviewDecision { get; private set; }
    public string? ReviewAnswer { get; private set; }
    public bool RatingPending { get; private set; }
    public bool ReviewPending { get; private set; }
    /// <summary>Why Assignment refused the petitioner's last request, in its words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>A people's suggestion (§18): the department's outcome and reasons, and the commendation, as Assignment reports them.</summary>
    public string? SuggestionOutcome { get; private set; }
    public string? SuggestionReasons { get; private set; }
    public string? Commendation { get; private set; }

    public bool ReviewAwaitsDecision => ReviewStage is not null && ReviewDecision is null;

    /// <summary>Rated once, after the answer (Assignment decides in the end: HandlingCase.Rate).</summary>
    public bool CanRate => RepliedAt is not null && Rating is null && !RatingPending;

    /// <summary>复查 within the window after the answer, 复核 within the window after the review (HandlingCase.RequestReview).</summary>
    public bool CanRequestReview(DateTimeOffset now, bool closed) => !closed && !ReviewPending && RepliedAt is not null
        && (ReviewStage is null || (ReviewStage == "review" && ReviewDecision is not null)) && now <= ReviewWindowEndsAt;

    /// <summary>Guards the petitioner's own rating, in the words they read.</summary>
    public void RequireRatable()
    {
        if (RepliedAt is null) throw new DomainRuleException("RatingNeedsReply", "答复后方可评价");
        if (RatingPending) throw new DomainRuleException("RatingPending", "您的评价已提交，正在登记");
        if (Rating is not null) throw new DomainRuleException("AlreadyRated", "本件已评价");
    }

    public void RequireReviewable(DateTimeOffset now, bool closed)
    {
        if (ReviewPending) throw new DomainRuleException("ReviewPending", "您的申请已提交，正在登记");
        if (CanRequestReview(now, closed)) return;
        if (RepliedAt is null) throw new DomainRuleException("NothingToReview", "答复后方可申请复查");
        if (closed || ReviewStage == "rereview") throw new DomainRuleException("CaseIsFinal", "本件已办结，不能再申请复查或复核");
        if (ReviewAwaitsDecision) throw new DomainRuleException("ReviewPending", "复查（复核）申请正在办理");
        throw new DomainRuleException("ReviewWindowPassed", $"申请期限已于 {ReviewWindowEndsAt:yyyy-MM-dd} 届满");
    }

    public void Assigned(Guid assignmentId, string unit, DateTimeOffset acknowledgeBy)
    {
        if (Holders.All(h => h.AssignmentId != assignmentId))
            Holders.Add(new ProgressHolder { AssignmentId = assignmentId, Unit = unit, Duty = HolderDuties.Acknowledge, DueAt = acknowledgeBy });
    }

    public void Acknowledged(Guid assignmentId) => Move(assignmentId, HolderDuties.Acknowledge, HolderDuties.Accept, null);

    public void Accepted(Guid assignmentId, DateTimeOffset? handleBy)
    {
        if (handleBy is null) Holders.RemoveAll(h => h.AssignmentId == assignmentId); // a transfer's duty ends when accepted
        else Move(assignmentId, null, HolderDuties.Handle, handleBy);
    }

    public void Returned(Guid assignmentId) => Holders.RemoveAll(h => h.AssignmentId == assignmentId);

    /// <summary>The answer ends the units' duties; the review window opens.</summary>
    public void Replied(string? answer, DateTimeOffset at, DateTimeOffset windowEndsAt)
    {
        Answer = answer ?? Answer;
        RepliedAt = at;
        ReviewWindowEndsAt ??= windowEndsAt;
        Holders.Clear();
    }

    public void Rated(string rating, string? reason, bool byPetitioner)
    {
        (Rating, RatingReason, RatedByPetitioner) = (rating, reason, byPetitioner);
        RatingPending = false;
        if (byPetitioner) Refusal = null;
    }

    public void ReviewRequested(string stage, DateTimeOffset decideBy, string decidingUnit, bool byPetitioner)
    {
        (ReviewStage, ReviewDecideBy, ReviewDecision) = (stage, decideBy, null);
        ReviewPending = false;
        if (byPetitioner) Refusal = null;
        Holders.Clear();
        Holders.Add(new ProgressHolder { AssignmentId = Guid.Empty, Unit = decidingUnit, Duty = HolderDuties.DecideReview, DueAt = decideBy });
    }

    public void ReviewDecided(string stage, string decision, string answer, DateTimeOffset? nextWindowEndsAt)
    {
        (ReviewStage, ReviewDecision, ReviewAnswer) = (stage, decision, answer);
        ReviewWindowEndsAt = nextWindowEndsAt;
        Holders.Clear();
    }

    public void Closed() => Holders.Clear();

    /// <summary>Passed (again) to a department: it is the one holding the suggestion now.</summary>
    public void SuggestionPassed(string unit, DateTimeOffset evaluateBy)
    {
        if (SuggestionOutcome is not null) return; // late: already evaluated
        Holders.Clear();
        Holders.Add(new ProgressHolder { AssignmentId = Guid.Empty, Unit = unit, Duty = HolderDuties.EvaluateSuggestion, DueAt = evaluateBy });
    }

    public void SuggestionEvaluated(string outcome, string reasons)
    {
        (SuggestionOutcome, SuggestionReasons) = (outcome, reasons);
        Holders.Clear();
    }

    public void SuggestionCommended(string commendation) => Commendation = commendation;

    /// <summary>The petitioner's own request is on its way to Assignment.</summary>
    public void RatingSent() => (RatingPending, Refusal) = (true, null);

    public void ReviewSent() => (ReviewPending, Refusal) = (true, null);

    public void Refused(string request, string reason)
    {
        if (request == "rating") RatingPending = false;
        else ReviewPending = false;
        Refusal = reason;
    }

    private void Move(Guid assignmentId, string? from, string to, DateTimeOffset? dueAt)
    {
        var holder = Holders.FirstOrDefault(h => h.AssignmentId == assignmentId);
        if (holder is null || (from is not null && holder.Duty != from)) return; // late or repeated: forward only
        (holder.Duty, holder.DueAt) = (to, dueAt);
    }
}
