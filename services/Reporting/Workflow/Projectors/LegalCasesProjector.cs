using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Each legal referral with its channel, institution and newest status, for the committee's list of legal cases.</summary>
public sealed class LegalCasesProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(LegalReferralOpened), typeof(ReferralMade), typeof(ReferralAcknowledged), typeof(ReferralDeclined), typeof(ReferralStatusUpdated),
        typeof(LegalReferralConcluded),
    };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case LegalReferralOpened m:
                var opened = await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct);
                (opened.RegionCode, opened.OpenedAt) = (m.RegionCode, m.OccurredAt);
                opened.Move("open", m.OccurredAt);
                break;
            case ReferralMade m:
                var referred = await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct);
                referred.ReferTo(m.Channel, m.InstitutionCode, m.OccurredAt);
                referred.Move("referred", m.OccurredAt);
                break;
            case ReferralAcknowledged m:
                (await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct)).Move(m.Decision, m.OccurredAt);
                break;
            case ReferralDeclined m:
                (await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct)).Move("declined", m.OccurredAt);
                break;
            case ReferralStatusUpdated m:
                (await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct))
                    .Move(m.Update is "decided" or "mediated" or "withdrawn" ? "outcome_reported" : "in_progress", m.OccurredAt);
                break;
            case LegalReferralConcluded m:
                (await db.LegalReferralAsync(m.ReferralId, m.CaseId, ct)).Move(m.Conclusion, m.OccurredAt);
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.LegalReferrals.ExecuteDeleteAsync(ct);
}
