using Coordination.Console.Calls;
using Coordination.Console.Display;
using Coordination.Console.Hosting;
using Coordination.Grpc.Reporting;
using Grpc.Core;

namespace Coordination.Console.Downloads;

/// <summary>GET /downloads/{report}.{csv|xlsx}?month=yyyy-MM: a report table with the signed-in person's token and jurisdiction.</summary>
public static class DownloadEndpoints
{
    public static void MapDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/{report}.{format}", async (HttpContext http, ServiceChannels channels, string report, string format, string? month) =>
        {
            if (format is not ("csv" or "xlsx") || !ReportTables.Names.Contains(report)) return Results.NotFound();
            month ??= BeijingTime.Month(DateTimeOffset.UtcNow);
            if (!BeijingTime.IsMonth(month)) return Results.BadRequest("month 须为 yyyy-MM");
            var headers = new Metadata { { "Authorization", "Bearer " + http.User.Token() } };
            try
            {
                var table = (await ReportTables.ReadAsync(new ReportingService.ReportingServiceClient(channels.Reporting), report, month, headers, http.RequestAborted))!;
                return format == "csv"
                    ? Results.File(table.Csv(), "text/csv; charset=utf-8", table.FileName + ".csv")
                    : Results.File(table.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", table.FileName + ".xlsx");
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden); // the cookie scheme's Forbid would redirect to a page we do not have
            }
        }).RequireAuthorization();
    }
}
