using System.Net.Sockets;
using System.Text.Json;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// The one place that tells a failure worth waiting out from one that will never succeed. Consumers use it to
/// choose between delayed redelivery and the error queue; gRPC handlers to answer Unavailable.
/// The cause chain is read from the outside in and the first exception that says something decides, so an
/// EF Core DbUpdateException is judged by the PostgresException inside it.
/// </summary>
public static class FailureKinds
{
    /// <summary>Never succeeds however often it is tried: straight to the error queue. Unknown failures are not permanent.</summary>
    public static bool IsPermanent(Exception exception) => Decide(exception) == FailureKind.Permanent;

    /// <summary>PostgreSQL, Redis, RabbitMQ or the network is down or slow right now.</summary>
    public static bool IsTransientInfrastructure(Exception exception) => Decide(exception) == FailureKind.Infrastructure;

    public static FailureKind Decide(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var kind = Of(e);
            if (kind != FailureKind.Unknown) return kind;
        }
        return FailureKind.Unknown;
    }

    /// <summary>What this exception alone says, without its inner exceptions.</summary>
    public static FailureKind Of(Exception e) => e switch
    {
        PermanentFailureException or DomainRuleException => FailureKind.Permanent,
        PostgresException pg => OfSqlState(pg),
        // Connection refused, broken stream, timeouts: Npgsql knows which of its failures are transient.
        NpgsqlException { IsTransient: true } => FailureKind.Infrastructure,
        DbUpdateConcurrencyException => FailureKind.Retryable,
        RedisConnectionException or RedisTimeoutException => FailureKind.Infrastructure,
        BrokerUnreachableException or OperationInterruptedException or MassTransit.ConnectionException => FailureKind.Infrastructure,
        TimeoutException or SocketException => FailureKind.Infrastructure,
        // The message itself cannot be read or does not fit (MassTransit reports an unreadable envelope as SerializationException): the same bytes fail the same way next time.
        ArgumentException or FormatException or InvalidCastException or JsonException
            or System.Runtime.Serialization.SerializationException => FailureKind.Permanent,
        _ => FailureKind.Unknown,
    };

    private static FailureKind OfSqlState(PostgresException pg)
    {
        if (pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected) return FailureKind.Retryable;
        // 57P01-57P03 shutdown and cannot-connect-now (a restart), 08xxx connection, 53xxx resources, 55P03 lock timeout.
        if (pg.IsTransient || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal))
            return FailureKind.Infrastructure;
        if (pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
            // A unique or exclusion violation on a business table is a race between two deliveries (the same case
            // under two message ids): the next attempt sees the winner's row. The inbox insert itself cannot raise it.
            return FailureKind.Retryable;
        // 22 data exception (a string too long), 23 integrity constraint, 42 syntax or undefined object.
        return pg.SqlState.Length == 5 && pg.SqlState[..2] is "22" or "23" or "42" ? FailureKind.Permanent : FailureKind.Unknown;
    }
}
