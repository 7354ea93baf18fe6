using MassTransit;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>How the relay treats a row the broker returned, and how it tells a return from a broker failure.</summary>
public static class OutboxBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Doubles the wait from one second up to <see cref="OutboxOptions.UnroutableRetryMax"/>: a first start's race is over in
    /// seconds, and a queue that takes longer costs one publish a minute, not one a second. After
    /// <see cref="OutboxOptions.UnroutableQuarantineAfter"/> the row is quarantined, so that an event nobody receives is seen.
    /// </summary>
    public static OutboxRetry AfterReturn(OutboxMessage row, DateTimeOffset now, OutboxOptions options)
    {
        var attempts = row.Attempts + 1;
        var since = row.UnroutableSince ?? now;
        var wait = TimeSpan.FromTicks(Math.Min(options.UnroutableRetryMax.Ticks, First.Ticks << Math.Min(attempts - 1, 20)));
        string? reason = now - since >= options.UnroutableQuarantineAfter
            ? $"unroutable: no queue is bound for {ShortName(row.MessageType)} (returned {attempts} times since {since:u})"
            : null;
        return new OutboxRetry(attempts, since, now + wait, reason);
    }

    /// <summary>The broker returned a mandatory publish: nothing is bound to the exchange yet (MassTransit wraps the client's return).</summary>
    public static bool IsReturned(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is MessageReturnedException || e is RabbitMQ.Client.Exceptions.PublishException { IsReturn: true }) return true;
        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsReturned);
    }

    private static string ShortName(string messageType) => messageType.Split(',')[0];
}
