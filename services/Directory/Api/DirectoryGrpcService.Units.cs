using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Coordination.Grpc.Directory;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Directory.Api;

public sealed partial class DirectoryGrpcService
{
    private static readonly PageTokens UnitPages = new("directory.ListUnits", PagePart.Text, PagePart.Text) { DefaultSize = PageTokens.MaxSize };

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        await CallerAsync(context);
        var errors = new FieldErrors().CheckOptionalRegion(request.RegionCode);
        CheckSpelling(errors, request.Kind, "kind");
        CheckSpelling(errors, request.Query, "query");
        var page = UnitPages.Read(errors, request.PageSize, request.PageToken,
            query: $"{request.Kind}|{request.RegionCode}|{request.Query}|{request.IncludeInactive}");
        errors.ThrowIfAny();
        var rows = await queries.UnitsAsync(request.Kind, request.RegionCode, request.Query, request.IncludeInactive, page.After, page.Fetch,
            context.CancellationToken);
        var (items, next) = UnitPages.Page(rows, page, u => PageKey.Of(u.RegionCode, u.Code));
        return new ListUnitsResponse { Units = { items.Select(Views.Of) }, NextPageToken = next };
    }

    public override async Task<GetUnitResponse> GetUnit(GetUnitRequest request, ServerCallContext context)
    {
        await CallerAsync(context);
        var errors = new FieldErrors().Check(request.Code.Trim().Length > 0, "code", "is required");
        CheckSpelling(errors, request.Code, "code");
        errors.ThrowIfAny();
        var unit = await queries.UnitAsync(request.Code, context.CancellationToken) ?? throw new NotFoundException($"unit {request.Code.Trim()}");
        return new GetUnitResponse { Unit = Views.Of(unit) };
    }

    public override async Task<RegisterUnitResponse> RegisterUnit(RegisterUnitRequest request, ServerCallContext context)
    {
        await AdministratorAsync(context);
        var draft = new UnitDraft(request.Code, request.Name, request.Kind, request.RegionCode, request.ParentCode);
        return new RegisterUnitResponse { Unit = Views.Of(await units.RegisterAsync(draft, context.CancellationToken)) };
    }

    public override async Task<ChangeUnitResponse> ChangeUnit(ChangeUnitRequest request, ServerCallContext context)
    {
        await AdministratorAsync(context);
        var errors = new FieldErrors().Check(Domain.UnitCode.IsValid(request.Code), "code", "must be a unit code");
        errors.Check(request.HasName || request.HasParentCode || request.HasActive, "name", "name, parent_code or active must be given");
        errors.ThrowIfAny();
        var unit = await units.ChangeAsync(request.Code, request.HasName ? request.Name : null, request.HasParentCode ? request.ParentCode : null,
            request.HasActive ? request.Active : null, context.CancellationToken);
        return new ChangeUnitResponse { Unit = Views.Of(unit) };
    }
}
