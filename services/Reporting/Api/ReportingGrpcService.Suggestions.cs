using Coordination.Grpc.Reporting;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Coordination.Reporting.Api;

public sealed partial class ReportingGrpcService
{
    public override async Task<GetSuggestionReportResponse> GetSuggestionReport(GetSuggestionReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(request.ReceivedFrom is not null, "received_from", "is required")
            .Check(request.ReceivedTo is not null, "received_to", "is required")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await suggestions.ForAsync(request.ReceivedFrom!.ToDateTimeOffset(), request.ReceivedTo!.ToDateTimeOffset(), Scope(caller, request.RegionCode),
            context.CancellationToken);
    }
}
