using Coordination.Contracts.Assignment;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>
/// What each unit is told (NotificationRules), one row per event, for the notification streams. A legal case's notice
/// carries the case's region so that every committee covering it sees it; it runs after LegalCasesProjector, whose row
/// already holds the referral's region.
/// </summary>
public sealed class NotificationsProjector : IProjector
{
    public IReadOnlySet<Type> Folds => NotificationRules.Events;

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        if (NotificationRules.For(e.Message) is not { } notice) return;
        var fact = db.CaseFacts.Local.FirstOrDefault(f => f.CaseId == e.CaseId)
            ?? await db.CaseFacts.AsNoTracking().FirstOrDefaultAsync(f => f.CaseId == e.CaseId, ct);
        var region = e.Message switch
        {
            LegalReferralOpened m => m.RegionCode,
            _ when notice.ForCommittees && notice.SubjectId is { } referralId => await ReferralRegionAsync(db, referralId, ct),
            _ => null,
        };
        region = string.IsNullOrEmpty(region) ? fact?.RegionCode ?? "" : region;
        if (notice.ForCommittees && region.Length == 0) return; // no committee can be told whose it is
        db.Notifications.Add(new Notification
        {
            Id = e.MessageId, Kind = notice.Kind, UnitCode = notice.UnitCode, RegionCode = region, CaseId = e.CaseId,
            CaseNumber = e.Message is CaseAssigned assigned ? assigned.CaseNumber : fact?.CaseNumber ?? "", SubjectId = notice.SubjectId,
            Summary = notice.Summary.Length > 500 ? notice.Summary[..500] : notice.Summary, OccurredAt = e.OccurredAt,
        });
    }

    private static async Task<string?> ReferralRegionAsync(ReportingDb db, Guid referralId, CancellationToken ct) =>
        db.LegalReferrals.Local.FirstOrDefault(r => r.ReferralId == referralId)?.RegionCode
        ?? await db.LegalReferrals.AsNoTracking().Where(r => r.ReferralId == referralId).Select(r => r.RegionCode).FirstOrDefaultAsync(ct);

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.Notifications.ExecuteDeleteAsync(ct);
}
