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
public sealed class IdentityCaseIndex(IntakeDb db, IConnectionMultiplexer redis, ILogger<IdentityCaseIndex> log)
{
    private const string CountField = "n";
    private static RedisKey Key(string identity) => $"intake:identity:{identity}";

    /// <summary>The cases of each identity, in the order given (the first identity explains a tie).</summary>
    public async Task<IReadOnlyList<IdentityCases>> CasesOfAsync(IEnumerable<string> identities, CancellationToken ct)
    {
        var known = new List<IdentityCases>();
        foreach (var identity in identities) known.Add(new IdentityCases(identity, await CasesOfAsync(identity, ct)));
        return known;
    }

    private async Task<IReadOnlyList<CaseFingerprint>> CasesOfAsync(string identity, CancellationToken ct)
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

    /// <summary>Counts a new case for each identity, in the registration's transaction: the next read then misses Redis's older copy.</summary>
    public async Task CountNewCaseAsync(IEnumerable<string> identities, CancellationToken ct)
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
