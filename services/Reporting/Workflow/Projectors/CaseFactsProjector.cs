using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>
/// One row per case for the rates, the screening register and the scope of the other reports. Events of a case arrive
/// in any order, so each sets only its own fields, and instants keep the first (or the latest due date).
/// </summary>
public sealed class CaseFactsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(ReviewRequested), typeof(CaseClosed), typeof(ReplySubmitted),
        typeof(SatisfactionRated), typeof(CompletionReportSubmitted), typeof(DeadlineMissed), typeof(AssignmentAccepted), typeof(ExtensionGranted),
        typeof(ResponsibilityAssigned), typeof(CaseMarkedMajor), typeof(SuggestionReceived),
    };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case PetitionRegistered m:
                var fact = await db.CaseFactAsync(m.CaseId, ct);
                fact.Topic = m.Topic;
                (fact.CaseNumber, fact.RegionCode, fact.RegisteredAt, fact.ToBeijing, fact.Collective) = (m.CaseNumber, m.RegionCode, m.OccurredAt, m.ToBeijing, m.Collective);
                break;
            case SuggestionReceived m:
                (await db.CaseFactAsync(m.CaseId, ct)).Suggestion = true;
                break;
            case PetitionLinkedAsRepeat m:
                (await db.CaseFactAsync(m.CaseId, ct)).Repeats++;
                break;
            case ReviewRequested m:
                (await db.CaseFactAsync(m.CaseId, ct)).ReviewRequested = true;
                break;
            case CaseClosed m:
                var closed = await db.CaseFactAsync(m.CaseId, ct);
                (closed.Outcome, closed.ClosedAt) = (m.Outcome, m.OccurredAt);
                break;
            case ReplySubmitted m:
                (await db.CaseFactAsync(m.CaseId, ct)).RepliedAt ??= m.OccurredAt;
                break;
            case SatisfactionRated m:
                (await db.CaseFactAsync(m.CaseId, ct)).Rating = m.Rating;
                break;
            case CompletionReportSubmitted m:
                var reported = await db.CaseFactAsync(m.CaseId, ct);
                reported.ReportedAt ??= m.OccurredAt;
                break;
            case DeadlineMissed { Step: "handling" or "rehandling" } m:
                (await db.CaseFactAsync(m.CaseId, ct)).HandlingMissed = true;
                break;
            case AssignmentAccepted { HandlingDueAt: { } handlingDue } m:
                var accepted = await db.CaseFactAsync(m.CaseId, ct);
                if (accepted.HandlingDueAt is null || handlingDue > accepted.HandlingDueAt) accepted.HandlingDueAt = handlingDue;
                break;
            case ExtensionGranted m:
                var extended = await db.CaseFactAsync(m.CaseId, ct);
                if (extended.HandlingDueAt is null || m.HandlingDueAt > extended.HandlingDueAt) extended.HandlingDueAt = m.HandlingDueAt;
                break;
            case ResponsibilityAssigned m:
                var responsible = await db.CaseFactAsync(m.CaseId, ct);
                (responsible.ResponsiblePerson, responsible.ResponsibleUnit) = (m.Person, m.Unit);
                break;
            case CaseMarkedMajor m:
                (await db.CaseFactAsync(m.CaseId, ct)).Major = true;
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.CaseFacts.ExecuteDeleteAsync(ct);
}
