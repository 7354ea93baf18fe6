using System.Text.Json;
using Coordination.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Coordination.Intake.Persistence;

/// <summary>
/// The cases each petitioner identity has opened. PostgreSQL is the truth; Redis keeps a copy per identity with
/// the count it was built from, used only while that count equals PostgreSQL's counter, so a lost, stale or
/// flushed Redis costs a re-read and never a missed repeat.
/// </summary>
public sealed class IdentityCaseIndex(IConnectionMultiplexer redis, ILogger<IdentityCaseIndex> log)
{
    private const string CountField = "n";
    private static RedisKey Key(string identity) => $"intake:identity:{identity}";

    /// <summary>Serialises registrations by the same people for the rest of the transaction (no two new cases for one matter).</summary>
    public static async Task LockAsync(IntakeDb db, IEnumerable<string> identities, CancellationToken ct)
    {
        foreach (var identity in identities.Order(StringComparer.Ordinal))
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({identity}, 0))", ct);
    }

    public async Task<IReadOnlyList<CaseFingerprint>> CasesOfAsync(IntakeDb db, string identity, CancellationToken ct)
    {
        var count = await db.IdentityCounters.AsNoTracking().Where(c => c.IdentityHash == identity).Select(c => c.Cases).FirstOrDefaultAsync(ct);
        if (count == 0) return [];
        var cached = await ReadCacheAsync(identity, count);
        if (cached is not null) return cached;
        var cases = await db.Petitions.AsNoTracking()
            .Where(p => p.Outcome == Outcomes.Registered && p.Petitioners.Any(x => x.IdNumberHash == identity))
            .Select(p => new CaseFingerprint(p.Id, p.CaseNumber, p.Topic, p.MatterText, p.ReceivingLevel, p.ReceivingUnit, p.RegisteredAt))
            .ToListAsync(ct);
        await WriteCacheAsync(identity, cases);
        return cases;
    }

    /// <summary>Counts a new case for each identity, in the registration's transaction.</summary>
    public static async Task CountNewCaseAsync(IntakeDb db, IEnumerable<string> identities, CancellationToken ct)
    {
        foreach (var identity in identities)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO identity_counters (identity_hash, cases) VALUES ({identity}, 1) ON CONFLICT (identity_hash) DO UPDATE SET cases = identity_counters.cases + 1", ct);
    }

    private async Task<IReadOnlyList<CaseFingerprint>?> ReadCacheAsync(string identity, int count)
    {
        try
        {
            var entries = await redis.GetDatabase().HashGetAllAsync(Key(identity));
            var n = entries.FirstOrDefault(e => e.Name == CountField);
            if (n.Value.IsNull || (int)n.Value != count) return null;
            return entries.Where(e => e.Name != CountField)
                .Select(e => JsonSerializer.Deserialize<CaseFingerprint>(e.Value.ToString())!).ToList();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "Redis unavailable for identity look-up; reading PostgreSQL");
            return null;
        }
    }

    private async Task WriteCacheAsync(string identity, IReadOnlyList<CaseFingerprint> cases)
    {
        try
        {
            var entries = cases.Select(c => new HashEntry(c.CaseId.ToString(), JsonSerializer.Serialize(c)))
                .Append(new HashEntry(CountField, cases.Count)).ToArray();
            var batch = redis.GetDatabase().CreateTransaction();
            _ = batch.KeyDeleteAsync(Key(identity));
            _ = batch.HashSetAsync(Key(identity), entries);
            _ = batch.KeyExpireAsync(Key(identity), TimeSpan.FromDays(30));
            await batch.ExecuteAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "Redis unavailable; identity cases not cached");
        }
    }
}
