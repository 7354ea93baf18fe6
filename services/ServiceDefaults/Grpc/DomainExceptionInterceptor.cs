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
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (Translate(ex) is { } status)
        {
            throw status;
        }
    }

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
