using Coordination.ServiceDefaults.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Coordination.Intake.Persistence;

/// <summary>
/// Redis fast path for client request ids (request id → registration id). PostgreSQL's unique index stays the
/// truth: a Redis outage only costs a database look-up, never a duplicate case. Never called while the registration's
/// transaction is open (ADR 11).
/// </summary>
/// <remarks>
/// An id Redis answers it does not know is taken as new without asking PostgreSQL (one statement and one transaction a
/// registration, issue 15): every registration is remembered for a day, so only a retry after that, or after an
/// outage lost its copy, reaches the unique index instead, which answers it as a replay all the same.
/// </remarks>
public sealed class RequestIdCache(IConnectionMultiplexer redis, RedisFallbacks fallbacks, ILogger<RequestIdCache> log)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static RedisKey Key(string unit, string requestId) => $"intake:request:{unit}:{requestId}";

    /// <returns>The registration, Guid.Empty when Redis answered that it does not know the id, null when Redis did not answer.</returns>
    public async Task<Guid?> FindAsync(string unit, string requestId)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(unit, requestId));
            return Guid.TryParse(value.ToString(), out var id) ? id : Guid.Empty;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            fallbacks.Record("intake.request_id.read");
            log.LogWarning(ex, "Redis unavailable for request-id look-up; falling back to PostgreSQL");
            return null;
        }
    }

    public async Task RememberAsync(string unit, string requestId, Guid registrationId)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(unit, requestId), registrationId.ToString(), Lifetime);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            fallbacks.Record("intake.request_id.write");
            log.LogWarning(ex, "Redis unavailable; request id {RequestId} not cached", requestId);
        }
    }
}
