using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>Turns domain exceptions into gRPC statuses, so no handler leaks an unhandled exception.</summary>
public sealed class DomainExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainRuleException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{ex.Rule}: {ex.Message}"));
        }
        catch (NotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
    }
}
