using System.Text.Json;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Coordination.Intake.Persistence;

/// <summary>
/// The cases each petitioner identity has opened. PostgreSQL is the truth; Redis keeps a copy per identity with
/// the count it was built from, used only while that count equals PostgreSQL's counter, so a lost, stale or
/// flushed Redis costs a re-read and never a missed repeat. Redis is read before the registration's transaction and
/// written after its commit, never while the identity locks are held (ADR 11): a slow Redis must not hold them.
/// </summary>
public sealed class IdentityCaseIndex(IntakeDb db, MatterPrints prints, IConnectionMultiplexer redis, RedisFallbacks fallbacks, ILogger<IdentityCaseIndex> log)
{
    private const string CountField = "n";
    // v2: copies hold MatterPrints; the v1 copies (with normalised summaries) are deleted as their identities come back.
    private static RedisKey Key(string identity) => $"intake:identity:v2:{identity}";
    private static RedisKey FormerKey(string identity) => $"intake:identity:{identity}";

    /// <summary>Redis's copies of these identities' cases, those it has; none when Redis fails. Call before the transaction.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CaseFingerprint>>> ReadCopiesAsync(IReadOnlyCollection<string> identities)
    {
        var copies = new Dictionary<string, IReadOnlyList<CaseFingerprint>>();
        if (identities.Count == 0) return copies;
        try
        {
            // Side by side: several identities cost one Redis round trip (and at most one timeout), not one each.
            var redisDb = redis.GetDatabase();
            var reads = identities.Select(i => (Identity: i, Read: redisDb.HashGetAllAsync(Key(i)))).ToList();
            await Task.WhenAll(reads.Select(r => r.Read));
            foreach (var (identity, read) in reads)
                if (Parse(read.Result) is { } cases) copies[identity] = cases;
            return copies;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            fallbacks.Record("intake.identity_cases.read");
            log.LogWarning(ex, "Redis unavailable for identity look-up; reading PostgreSQL");
            return new Dictionary<string, IReadOnlyList<CaseFingerprint>>();
        }
    }

    /// <summary>
    /// The cases of each identity, in the order given (the first identity explains a tie): a copy where its count equals
    /// PostgreSQL's (<paramref name="counts"/>, read under the identity locks), else PostgreSQL's rows, which are also
    /// returned as Reread for <see cref="CopyAsync"/> after the commit. Takes no Redis call: it runs under the identity locks.
    /// </summary>
    public async Task<(IReadOnlyList<IdentityCases> Known, IReadOnlyList<IdentityCases> Reread)> CasesOfAsync(
        IEnumerable<string> identities, IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, IReadOnlyList<CaseFingerprint>> copies,
        CancellationToken ct)
    {
        var known = new List<IdentityCases>();
        var reread = new List<IdentityCases>();
        foreach (var identity in identities)
        {
            var count = counts.GetValueOrDefault(identity);
            if (count == 0)
            {
                known.Add(new IdentityCases(identity, []));
                continue;
            }
            if (copies.TryGetValue(identity, out var copy) && copy.Count == count)
            {
                known.Add(new IdentityCases(identity, copy));
                continue;
            }
            var rows = await db.Petitions.AsNoTracking()
                .Where(p => p.Outcome == Outcomes.Registered && p.Petitioners.Any(x => x.IdNumberHash == identity))
                .Select(p => new { p.Id, p.CaseNumber, p.Topic, p.MatterText, p.ReceivingLevel, p.ReceivingUnit, p.RegisteredAt })
                .ToListAsync(ct);
            var cases = rows.Select(p => new CaseFingerprint(p.Id, p.CaseNumber, p.Topic, prints.Of(p.MatterText), p.ReceivingLevel, p.ReceivingUnit,
                p.RegisteredAt)).ToList();
            known.Add(new IdentityCases(identity, cases));
            reread.Add(new IdentityCases(identity, cases));
        }
        return (known, reread);
    }

    /// <summary>
    /// Counts a new case for each identity, in the registration's transaction, from the counts read under the identity
    /// locks (<see cref="IdentityLocks.LockAndCountAsync"/>; registrations are the counters' only writers and hold those
    /// locks): the rows go out with the registration's own inserts, no round trip of their own. The next read then
    /// misses Redis's older copy.
    /// </summary>
    public void CountNewCase(IReadOnlyCollection<string> identities, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var identity in identities)
        {
            if (!counts.TryGetValue(identity, out var cases))
            {
                db.IdentityCounters.Add(new IdentityCounter { IdentityHash = identity, Cases = 1 });
                continue;
            }
            var counter = db.IdentityCounters.Attach(new IdentityCounter { IdentityHash = identity, Cases = cases });
            counter.Entity.Cases = cases + 1;
            counter.Property(c => c.Cases).IsModified = true;
        }
    }

    /// <summary>
    /// Copies what was read from PostgreSQL to Redis; call after the commit. A copy older than a concurrent one only costs
    /// a re-read: its count no longer matches.
    /// </summary>
    public async Task CopyAsync(IReadOnlyList<IdentityCases> reread)
    {
        if (reread.Count == 0) return;
        try
        {
            var redisDb = redis.GetDatabase();
            await Task.WhenAll(reread.Select(r => WriteAsync(redisDb, r)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            fallbacks.Record("intake.identity_cases.write");
            log.LogWarning(ex, "Redis unavailable; identity cases not cached");
        }
    }

    private static Task<bool> WriteAsync(IDatabase redisDb, IdentityCases identity)
    {
        var entries = identity.Cases.Select(c => new HashEntry(c.CaseId.ToString(), JsonSerializer.Serialize(c)))
            .Append(new HashEntry(CountField, identity.Cases.Count)).ToArray();
        var batch = redisDb.CreateTransaction();
        _ = batch.KeyDeleteAsync(Key(identity.Identity));
        _ = batch.KeyDeleteAsync(FormerKey(identity.Identity));
        _ = batch.HashSetAsync(Key(identity.Identity), entries);
        _ = batch.KeyExpireAsync(Key(identity.Identity), TimeSpan.FromDays(30));
        return batch.ExecuteAsync();
    }

    /// <summary>A copy whose count field matches its entries; anything else is treated as missing.</summary>
    private static IReadOnlyList<CaseFingerprint>? Parse(HashEntry[] entries)
    {
        var n = entries.FirstOrDefault(e => e.Name == CountField);
        if (n.Value.IsNull || (int)n.Value != entries.Length - 1) return null;
        var cases = entries.Where(e => e.Name != CountField).Select(e => JsonSerializer.Deserialize<CaseFingerprint>(e.Value.ToString())!).ToList();
        return cases.All(c => c.Matter?.Bigrams is not null) ? cases : null;
    }
}
