using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Rules;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// Keeps a recused caller away from a case on every method of a case service (ADR 30): a request that names such a case,
/// or a thing of it (a hand-over, a referral, a meeting, a file), is NotFound before its handler runs, worded as for an id
/// that does not exist; lists and streams leave the case out; a reply about the case alone is NotFound. A caller with no
/// recusal (nearly everyone) costs a look in <see cref="RecusalCache"/> (one indexed read the first time).
/// </summary>
public sealed class RecusalShield : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var recused = await RecusedAsync(context);
        if (recused.Count > 0) await RefuseAsync(request, recused, context);
        var response = await continuation(request, context);
        // Looked at again once answered: a case that came to be, and to be kept from the caller, while the call ran (an
        // accusation's case opened between the look above and the handler's read) is not shown either. A cache hit
        // unless a recusal was stored meanwhile.
        var now = await RecusedAsync(context);
        return now.Count == 0 ? response : Shown(response, now);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var recused = await RecusedAsync(context);
        if (recused.Count == 0) return await continuation(requestStream, context);
        var checkedStream = new CheckedReader<TRequest>(requestStream, message => RefuseAsync(message, recused, context));
        return Shown(await continuation(checkedStream, context), recused);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var recused = await RecusedAsync(context);
        if (recused.Count == 0)
        {
            await continuation(request, responseStream, context);
            return;
        }
        await RefuseAsync(request, recused, context);
        await continuation(request, new PrunedWriter<TResponse>(responseStream, recused), context);
    }

    private static async Task<IReadOnlySet<Guid>> RecusedAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true || Caller.FromUser(http.User, out _) is not { } caller) return new HashSet<Guid>();
        return await RecusalCache.OfRequestAsync(http, caller, context.CancellationToken);
    }

    private static async Task RefuseAsync(object? request, IReadOnlySet<Guid> recused, ServerCallContext context)
    {
        if (request is not IMessage message) return;
        var locator = context.GetHttpContext().RequestServices.GetService<ICaseLocator>() ?? new NoCaseLocator();
        foreach (var (field, value) in CaseFields.Ids(message))
        {
            if (!Guid.TryParse(value, out var id)) continue;
            if (CaseFields.IsCaseField(field))
            {
                if (recused.Contains(id)) throw NotFound("case");
            }
            else if (await locator.LocateAsync(field, id, context.CancellationToken) is { } reference && reference.CaseIds.Any(recused.Contains))
                throw NotFound(reference.Kind);
        }
    }

    private static TResponse Shown<TResponse>(TResponse response, IReadOnlySet<Guid> recused) =>
        response is IMessage message && CaseFields.Prune(message, recused) ? throw NotFound("case") : response;

    /// <summary>Worded as the services word a thing that does not exist (NotFoundException), whichever interceptor runs first.</summary>
    private static RpcException NotFound(string kind) => new(new Status(StatusCode.NotFound, new NotFoundException(kind).Message));

    private sealed class CheckedReader<T>(IAsyncStreamReader<T> inner, Func<T, Task> check) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            await check(inner.Current);
            return true;
        }
    }

    /// <summary>A stream's message about a case the caller is kept from is not sent (a notification, a warning).</summary>
    private sealed class PrunedWriter<T>(IServerStreamWriter<T> inner, IReadOnlySet<Guid> recused) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(T message, CancellationToken cancellationToken) =>
            message is IMessage m && CaseFields.Prune(m, recused) ? Task.CompletedTask : inner.WriteAsync(message, cancellationToken);
    }
}
