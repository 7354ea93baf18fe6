using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Telemetry;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// A call about a case (a request with case_id or case_number, or with an id of the service that stands for a case: an
/// assignment, a referral, a meeting) tags its span and its log lines with them, as consumers do for events
/// (CaseLogScope): one case can be followed across calls, messages and services. A recorded span is also linked to the
/// trace the case began in (<see cref="CaseTraceLinks"/>).
/// </summary>
public sealed class CaseTagsInterceptor(ILogger<CaseTagsInterceptor> log, CaseTraceLinks links) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var cases = await links.CasesAsync(request!, http, context.CancellationToken);
        using (Tag(request, cases))
        {
            await links.LinkAsync(cases, http, context.CancellationToken);
            return await continuation(request, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var cases = await links.CasesAsync(request!, http, context.CancellationToken);
        using (Tag(request, cases))
        {
            await links.LinkAsync(cases, http, context.CancellationToken);
            await continuation(request, responseStream, context);
        }
    }

    /// <summary>Opened here, not in an awaited method, so that the log scope flows into the handler.</summary>
    private IDisposable? Tag(object? request, IReadOnlyList<Guid> cases) =>
        request is IMessage message
            ? CaseTags.Begin(log, Text(message, "case_id") ?? (cases.Count > 0 ? cases[0].ToString() : null), Text(message, "case_number"))
            : null;

    private static string? Text(IMessage message, string field) =>
        message.Descriptor.FindFieldByName(field) is { FieldType: FieldType.String, IsRepeated: false } f
        && f.Accessor.GetValue(message) is string { Length: > 0 } value ? value : null;
}
