using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NotificationRow = Coordination.Reporting.Domain.Notification;

namespace Coordination.Reporting.Api;

/// <summary>
/// One caller's notifications: its own unit's, and for a committee also the legal-case notices of its jurisdiction.
/// Reads the table from the cursor (recorded at) less an overlap, so a fold that committed after a later one is still
/// sent, and skips what it already sent; then waits for a wake-up from any replica or the poll interval (ADR 24).
/// </summary>
public sealed class NotificationStream(ReportingDb db, NotificationSignal signal)
{
    public static readonly TimeSpan Backlog = TimeSpan.FromDays(30);
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);
    private const int Batch = 200;

    public async Task WatchAsync(Caller caller, DateTimeOffset since, IServerStreamWriter<WatchNotificationsResponse> stream, CancellationToken ct)
    {
        var unit = caller.Unit;
        var committeePrefix = caller.Is(Roles.Committee) ? caller.JurisdictionPrefix : null;
        var cursor = since;
        var sent = new Dictionary<Guid, DateTimeOffset>();
        while (!ct.IsCancellationRequested)
        {
            var woken = signal.NextAsync(); // taken before reading, so a ring during the read is not missed
            List<NotificationRow> fresh;
            do
            {
                var from = cursor - Overlap < since ? since : cursor - Overlap;
                fresh = await db.Notifications.AsNoTracking()
                    .Where(n => n.RecordedAt >= from && (n.UnitCode == unit || (committeePrefix != null && n.UnitCode == null && n.RegionCode.StartsWith(committeePrefix))))
                    .Where(n => !sent.Keys.Contains(n.Id))
                    .OrderBy(n => n.RecordedAt).ThenBy(n => n.Id).Take(Batch).ToListAsync(ct);
                foreach (var n in fresh)
                {
                    await stream.WriteAsync(new WatchNotificationsResponse { Notification = View(n) }, ct);
                    sent[n.Id] = n.RecordedAt;
                    if (n.RecordedAt > cursor) cursor = n.RecordedAt;
                }
                foreach (var old in sent.Where(s => s.Value < cursor - Overlap).Select(s => s.Key).ToList()) sent.Remove(old);
            } while (fresh.Count == Batch && !ct.IsCancellationRequested);
            await Task.WhenAny(woken, Task.Delay(NotificationSignal.PollInterval, ct)); // WhenAny does not throw on cancellation
        }
    }

    private static Notification View(NotificationRow n) => new()
    {
        NotificationId = n.Id.ToString(), Kind = n.Kind, CaseId = n.CaseId.ToString(), CaseNumber = n.CaseNumber, UnitCode = n.UnitCode ?? "",
        RegionCode = n.RegionCode, SubjectId = n.SubjectId?.ToString() ?? "", Summary = n.Summary, OccurredAt = Timestamp.FromDateTimeOffset(n.OccurredAt),
    };
}
