using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>Refuses a request whose fields are not well formed (WellFormedFields) before its handler runs.</summary>
public sealed class WellFormedFieldsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object request)
    {
        if (request is IMessage message) WellFormedFields.Check(message, new FieldErrors()).ThrowIfAny();
    }
}
