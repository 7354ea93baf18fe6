using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>
/// Reference data read on every request (rule sets, the working calendar, catalogues) is cached in memory; a change
/// committed by any replica reaches every replica of the service at once through PostgreSQL's NOTIFY on the service's
/// own database (ReferenceDataListener), and the replica that made it forgets at once (ADR 20).
/// </summary>
public sealed class ReferenceDataSignals
{
    public const string Channel = "coordination_reference_data";
    private readonly List<Action> _followers = [];

    public void Follow(Action forget)
    {
        lock (_followers) _followers.Add(forget);
    }

    /// <summary>Every cache forgets what it holds; the next read loads the rows again.</summary>
    public void Changed()
    {
        Action[] followers;
        lock (_followers) followers = [.. _followers];
        foreach (var forget in followers) forget();
    }

    /// <summary>Inside the caller's transaction: every replica is told when it commits (a rolled-back change tells nobody).</summary>
    public static Task NotifyAsync(DbContext db, string what, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {what})", ct);
}
