using Coordination.ServiceDefaults.Messaging;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// Turns domain exceptions into gRPC statuses, so no handler leaks an unhandled exception; and an outage of
/// PostgreSQL, Redis or RabbitMQ into Unavailable, the status clients (and gRPC retry policies) retry, instead of
/// UNKNOWN "Exception was thrown by handler".
/// </summary>
public sealed class DomainExceptionInterceptor(ILogger<DomainExceptionInterceptor> log) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Translate(ex) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Translate(ex) is { } status)
        {
            throw status;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var tracked = new EndTrackingReader<TRequest>(requestStream);
        try
        {
            return await continuation(tracked, context);
        }
        catch (Exception ex)
        {
            await tracked.DrainAsync(context.CancellationToken);
            if (Translate(ex) is { } status) throw status;
            throw;
        }
    }

    /// <summary>
    /// An upload refused before its last message (a recused case in the header, say) is read to its end before the
    /// answer goes: an answer sent while the client is still writing reaches it as Cancelled, not as the reason. The
    /// rest is dropped, and no more than <see cref="DrainLimitBytes"/> or <see cref="DrainLimit"/> is waited for.
    /// </summary>
    private sealed class EndTrackingReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        private bool _ended;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var more = await inner.MoveNext(cancellationToken);
            _ended |= !more;
            return more;
        }

        public async Task DrainAsync(CancellationToken callEnded)
        {
            if (_ended || callEnded.IsCancellationRequested) return;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(callEnded);
            limit.CancelAfter(DrainLimit);
            long bytes = 0;
            try
            {
                while (bytes <= DrainLimitBytes && await inner.MoveNext(limit.Token))
                    bytes += inner.Current is Google.Protobuf.IMessage m ? m.CalculateSize() : 1;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or RpcException)
            {
                // The client went away or kept writing too long: the refusal goes as it is.
            }
        }
    }

    private const long DrainLimitBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    /// <summary>The status an exception stands for, or null for one that is a fault of ours (it stays as it is).</summary>
    private RpcException? Translate(Exception exception)
    {
        switch (exception)
        {
            case DomainRuleException ex:
                return new RpcException(new Status(StatusCode.FailedPrecondition, $"{ex.Rule}: {ex.Message}"));
            case NotFoundException ex:
                return new RpcException(new Status(StatusCode.NotFound, ex.Message));
            case var ex when FailureKinds.IsTransientInfrastructure(ex):
                // The cause stays in the log; the caller learns only that trying again later is the remedy.
                log.LogWarning(ex, "A call failed on unavailable infrastructure; answered Unavailable");
                return new RpcException(new Status(StatusCode.Unavailable, "a backing service is unavailable; try again shortly", ex));
            default:
                return null;
        }
    }
}
