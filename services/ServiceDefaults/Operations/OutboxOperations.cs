using Coordination.Grpc.Operations;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OutboxApi = Coordination.Grpc.Operations.OutboxService;

namespace Coordination.ServiceDefaults.Operations;

/// <summary>The operator's view of this service's quarantined outbox rows (ADR 10): list, release, discard. Administrators only.</summary>
public sealed class OutboxOperations(OutboxQuarantine quarantine) : OutboxApi.OutboxServiceBase
{
    public const int DefaultLimit = 100, MaxLimit = 500;
    private static readonly PageTokens Pages = new("operations.ListQuarantinedMessages", PagePart.Number) { DefaultSize = DefaultLimit };

    public override async Task<ListQuarantinedMessagesResponse> ListQuarantinedMessages(ListQuarantinedMessagesRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var errors = new FieldErrors().Check(request.Limit is >= 0 and <= MaxLimit, "limit", $"must be 0 (for {DefaultLimit}) to {MaxLimit}");
        // page_size 0 falls back to limit, the field that sized this list before paging.
        var page = Pages.Read(errors, request.PageSize == 0 && request.Limit is > 0 and <= MaxLimit ? request.Limit : request.PageSize, request.PageToken);
        errors.ThrowIfAny();
        var rows = await quarantine.ListAsync(page.Fetch, page.After?.Number(0) ?? long.MinValue, context.CancellationToken);
        var (items, next) = Pages.Page(rows, page, r => PageKey.Of(r.Sequence));
        var response = new ListQuarantinedMessagesResponse { NextPageToken = next };
        response.Messages.AddRange(items.Select(r => new QuarantinedMessage
        {
            MessageId = r.Id.ToString(),
            Sequence = r.Sequence,
            MessageType = r.MessageType,
            CaseId = r.CorrelationId?.ToString() ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(r.CreatedAt),
            QuarantinedAt = Timestamp.FromDateTimeOffset(r.QuarantinedAt),
            Reason = r.Reason,
            Attempts = r.Attempts,
            Waiting = r.Waiting,
        }));
        return response;
    }

    public override async Task<ReleaseQuarantinedMessageResponse> ReleaseQuarantinedMessage(ReleaseQuarantinedMessageRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var id = FieldErrors.ValidId(request.MessageId, "message_id");
        if (!await quarantine.ReleaseAsync(id, context.CancellationToken)) throw new NotFoundException("quarantined outbox message");
        return new ReleaseQuarantinedMessageResponse();
    }

    public override async Task<DiscardQuarantinedMessageResponse> DiscardQuarantinedMessage(DiscardQuarantinedMessageRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var id = FieldErrors.ValidId(request.MessageId, "message_id");
        if (!await quarantine.DiscardAsync(id, context.CancellationToken)) throw new NotFoundException("quarantined outbox message");
        return new DiscardQuarantinedMessageResponse();
    }
}
