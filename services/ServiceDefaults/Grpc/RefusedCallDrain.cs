using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// A gRPC call refused before its handler runs (no token, a token that does not hold, a role the endpoint does not
/// allow: HTTP 401 or 403) is answered only once the client has finished sending. An answer sent while the client is
/// still writing an upload reaches it as Cancelled, not as Unauthenticated or PermissionDenied (seen in CI: an anonymous
/// UploadReplyEvidence). What it still sends is read and dropped, at most <see cref="LimitBytes"/> for at most
/// <see cref="Limit"/>. Refusals inside a handler are read to the end by <see cref="DomainExceptionInterceptor"/>.
/// </summary>
public sealed class RefusedCallDrain(RequestDelegate next)
{
    private const long LimitBytes = 16L * 1024 * 1024;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted || context.Response.StatusCode == StatusCodes.Status200OK) return;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true) return;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(Limit);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long read = 0;
            int n;
            while (read <= LimitBytes && (n = await context.Request.Body.ReadAsync(buffer, limit.Token)) > 0) read += n;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // The client went away or kept writing too long: the refusal goes as it is.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
