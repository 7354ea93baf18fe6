using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// The outermost consume filter of every receive endpoint (it wraps the quick in-memory retries). A message whose
/// failure outlived them goes round through a delay queue for the next interval, and the original is acknowledged;
/// a permanent failure, or one still failing after the last interval, is rethrown, so MassTransit moves it to
/// &lt;queue&gt;_error with its fault headers. Redelivery is safe because every consumer applies a message once (inbox).
/// </summary>
public sealed class DelayedRedeliveryFilter(string queue, IReadOnlyList<TimeSpan> intervals, ILogger<DelayedRedeliveryFilter> log)
    : IFilter<ConsumeContext>
{
    public void Probe(ProbeContext context)
    {
        var scope = context.CreateFilterScope("delayedRedelivery");
        scope.Add("intervals", string.Join(", ", intervals));
    }

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var scope = new DeferredFaultsConsumeContext(context);
        try
        {
            await next.Send(scope);
        }
        catch (Exception ex)
        {
            // A stopping bus cancels the consumer: MassTransit returns the message to its queue, as without this filter.
            var cancelled = ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
            if (!cancelled && !FailureKinds.IsPermanent(ex))
            {
                var redeliveries = DelayQueues.RedeliveriesOf(context.ReceiveContext);
                if (redeliveries < intervals.Count && await TrySendRoundAsync(context, ex, redeliveries))
                {
                    await scope.ReleaseAsync(faulted: false);
                    // A failure no consumer reported (a filter threw) would leave the message looking unhandled.
                    if (!context.ReceiveContext.IsDelivered) await context.ReceiveContext.NotifyFaulted(ex);
                    return;
                }
                if (redeliveries >= intervals.Count)
                    log.LogError(ex, "Message {MessageId} parked in {Queue}_error after {Redeliveries} delayed redeliveries",
                        context.MessageId, queue, redeliveries);
            }
            await scope.ReleaseAsync(faulted: true);
            ExceptionDispatchInfo.Capture(ex).Throw();
        }
    }

    private async Task<bool> TrySendRoundAsync(ConsumeContext context, Exception failure, int redeliveries)
    {
        var interval = intervals[redeliveries];
        try
        {
            await DelayQueues.SendAsync(context.ReceiveContext, queue, interval, redeliveries + 1);
        }
        catch (Exception sendFailure)
        {
            log.LogError(sendFailure, "Message {MessageId} in {Queue} could not be put in its delay queue", context.MessageId, queue);
            return false;
        }
        log.LogWarning("Message {MessageId} in {Queue} failed ({Failure}: {Reason}); redelivery {Round} of {Rounds} in {Interval}",
            context.MessageId, queue, failure.GetType().Name, failure.Message, redeliveries + 1, intervals.Count, interval);
        return true;
    }
}
