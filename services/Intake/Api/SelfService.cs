using Coordination.Contracts;
using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Petition = Coordination.Intake.Domain.Petition;

namespace Coordination.Intake.Api;

/// <summary>
/// The petitioner's self-service: known by the query code and its second factor (SecondFactors), they read their case's
/// progress, rate the answer and ask for review. A wrong second factor is NotFound worded as for an unknown code, so the
/// pair cannot be told apart from the outside. Units are shown by name, people never, the accused unit not at all.
/// </summary>
public sealed class SelfService(IntakeDb db, PetitionerActions actions, UnitDirectory units, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<ReplyRating, string> Ratings = new Dictionary<ReplyRating, string>
    {
        [ReplyRating.Satisfied] = "satisfied", [ReplyRating.BasicallySatisfied] = "basically_satisfied", [ReplyRating.Dissatisfied] = "dissatisfied",
    };

    public async Task<PetitionProgress> ProgressAsync(PetitionerProof? proof, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Check(proof, errors);
        errors.ThrowIfAny();
        return await ViewAsync(await ProvenAsync(proof!, ct), ct);
    }

    public async Task<PetitionProgress> RateAsync(RatePetitionReplyRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Check(r.Proof, errors);
        errors.Check(Ratings.ContainsKey(r.Rating), "rating", "must be satisfied, basically satisfied or dissatisfied");
        var reason = errors.Text(r.Reason, "reason", FieldLimits.RatingReason, required: r.Rating == ReplyRating.Dissatisfied);
        errors.ThrowIfAny();
        var (own, casePetition) = await ProvenAsync(r.Proof, ct);
        await actions.RateAsync(casePetition, Ratings[r.Rating], reason.Length == 0 ? null : reason, ct);
        return await ViewAsync((own, casePetition), ct);
    }

    public async Task<PetitionProgress> RequestReviewAsync(RequestPetitionReviewRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Check(r.Proof, errors);
        var reasons = errors.Text(r.Reasons, "reasons", FieldLimits.ReviewReasons);
        errors.ThrowIfAny();
        var (own, casePetition) = await ProvenAsync(r.Proof, ct);
        await actions.RequestReviewAsync(casePetition, reasons, ct);
        return await ViewAsync((own, casePetition), ct);
    }

    private static void Check(PetitionerProof? proof, FieldErrors errors)
    {
        errors.Check(proof is not null, "proof", "is required");
        if (proof is null) return;
        errors.Check(proof.QueryCode.Length == 10, "proof.query_code", "must be the 10-character code given at registration");
        errors.Check(SecondFactors.IsWellFormed(proof.SecondFactor), "proof.second_factor",
            "must be the last four digits of the phone given at registration, or the 4-digit query PIN");
    }

    /// <summary>The petitioner's own registration and the case it belongs to (for a repeat, the case it joined).</summary>
    private async Task<(Petition Own, Petition Case)> ProvenAsync(PetitionerProof proof, CancellationToken ct)
    {
        var code = proof.QueryCode.ToUpperInvariant();
        var own = await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.QueryCode == code, ct);
        if (own is null || !SecondFactors.Matches(own, proof.SecondFactor)) throw new NotFoundException("query code");
        var casePetition = own.Outcome == Outcomes.Repeat && own.EarlierCaseId is { } earlier
            ? await db.Petitions.AsNoTracking().FirstAsync(p => p.Id == earlier, ct)
            : own;
        return (own, casePetition);
    }

    private async Task<PetitionProgress> ViewAsync((Petition Own, Petition Case) proven, CancellationToken ct)
    {
        var (own, p) = proven;
        var progress = await db.CaseProgress.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == p.Id, ct);
        var (status, text) = ProgressStatus.Of(p, progress);
        var closed = p.Status == PetitionStatuses.Closed;
        var view = new PetitionProgress
        {
            CaseNumber = p.CaseNumber, RegisteredAt = Timestamp.FromDateTimeOffset(own.RegisteredAt), Status = status, StatusText = text,
            Notice = own.Outcome == Outcomes.Repeat ? $"您反映的事项已并入信访件 {p.CaseNumber} 一并办理" : own.Notice ?? "",
        };
        if (progress is null) return view;
        foreach (var h in progress.Holders.Where(h => h.Unit != p.AccusedUnit))
            view.Holders.Add(new CaseHolder
            {
                UnitName = (await units.FindAsync(h.Unit, ct))?.Name ?? h.Unit, Duty = ProgressStatus.DutyText(h.Duty),
                DueAt = h.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            });
        view.Reply = progress.Answer ?? "";
        view.RepliedAt = Stamp(progress.RepliedAt);
        view.ReviewWindowEndsAt = Stamp(progress.ReviewWindowEndsAt);
        view.Rating = Ratings.FirstOrDefault(r => r.Value == progress.Rating).Key;
        view.RatingReason = progress.RatingReason ?? "";
        view.ReviewStage = progress.ReviewStage ?? "";
        view.ReviewDecideBy = Stamp(progress.ReviewDecideBy);
        view.ReviewDecision = progress.ReviewDecision is { } d ? ProgressStatus.DecisionText(d) : "";
        view.ReviewAnswer = progress.ReviewAnswer ?? "";
        view.CanRate = progress.CanRate;
        view.CanRequestReview = progress.CanRequestReview(clock.GetUtcNow(), closed);
        view.Pending = string.Join("；", new[] { progress.RatingPending ? "您的评价已提交，正在登记" : null, progress.ReviewPending ? "您的复查（复核）申请已提交，正在登记" : null }.OfType<string>());
        view.Refusal = progress.Refusal ?? "";
        view.SuggestionOutcome = progress.SuggestionOutcome is { } outcome ? ProgressStatus.SuggestionOutcomeText(outcome) : "";
        view.SuggestionReasons = progress.SuggestionReasons ?? "";
        view.Commendation = progress.Commendation ?? "";
        return view;
    }

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
