using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// A server stream lives no longer than the token that opened it: at the token's expiry the call's cancellation token
/// fires (the handler's loop ends) and the stream ends with Unauthenticated, so a watcher whose access ended stops
/// receiving and must come back with a fresh token. With a client deadline grpc-dotnet keeps a cancellation token of its
/// own; then the next message written after the expiry ends the stream.
/// </summary>
public sealed class TokenBoundStreams(TimeProvider clock) : Interceptor
{
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        if (ExpiresAt(http.User) is not { } expires)
        {
            await continuation(request, responseStream, context);
            return;
        }
        var aborted = http.RequestAborted;
        using var expiry = new CancellationTokenSource(Clamp(expires - clock.GetUtcNow()), clock);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(aborted, expiry.Token);
        // ServerCallContext.CancellationToken reads RequestAborted when the call has no deadline.
        http.RequestAborted = bound.Token;
        try
        {
            await continuation(request, new ExpiringWriter<TResponse>(responseStream, expiry.Token), context);
        }
        catch (Exception ex) when (expiry.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
        }
        finally
        {
            http.RequestAborted = aborted;
        }
        if (expiry.IsCancellationRequested) throw Expired();
    }

    private static RpcException Expired() =>
        new(new Status(StatusCode.Unauthenticated, "the token has expired; the stream ends here, open it again with a fresh token"));

    /// <summary>A timer's range: not negative, and at most 30 days (far beyond any access token's life).</summary>
    private static TimeSpan Clamp(TimeSpan left) => left < TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromDays(30) ? TimeSpan.FromDays(30) : left;

    /// <summary>The token's "exp" (the services keep the JWT's own claim names).</summary>
    private static DateTimeOffset? ExpiresAt(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private sealed class ExpiringWriter<T>(IServerStreamWriter<T> inner, CancellationToken expired) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public Task WriteAsync(T message) => expired.IsCancellationRequested ? throw Expired() : inner.WriteAsync(message);

        public Task WriteAsync(T message, CancellationToken cancellationToken) =>
            expired.IsCancellationRequested ? throw Expired() : inner.WriteAsync(message, cancellationToken);
    }
}
