using Coordination.ServiceDefaults.Time;
using System.Globalization;
using System.Text;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf;

namespace Coordination.Reporting.Api;

/// <summary>
/// CSV and JSON downloads over HTTP for browsers and spreadsheets (GET /reports/beijing-bulletin?month=2026-03,
/// /reports/rates?from=2026-05-01&amp;to=2026-06-01, each with &amp;format=csv|json and an optional region). Same JWT
/// and the same jurisdiction rule as the gRPC reports.
/// </summary>
public static class Downloads
{
    public static void MapReportDownloads(this WebApplication app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();
        reports.MapGet("/beijing-bulletin", async (HttpContext http, Statistics statistics, string month, string? region, string? format, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _)) return Results.BadRequest(new { errors = new { month = "must be yyyy-MM" } });
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var bulletin = await statistics.BulletinAsync(month, scope, ct);
            return Render(format, bulletin, $"beijing-bulletin-{month}",
                ["region_code", "batches", "people", "collective_batches", "individual_batches", "rank", "previous_month_batches", "same_month_last_year_batches",
                 "month_on_month_percent", "year_on_year_percent"],
                bulletin.Regions.Select(r => new object?[]
                {
                    r.RegionCode, r.Batches, r.People, r.CollectiveBatches, r.IndividualBatches, r.Rank, r.PreviousMonthBatches, r.SameMonthLastYearBatches,
                    r.HasMonthOnMonthPercent ? r.MonthOnMonthPercent : null, r.HasYearOnYearPercent ? r.YearOnYearPercent : null,
                }));
        });
        reports.MapGet("/rates", async (HttpContext http, Statistics statistics, DateOnly from, DateOnly to, string? region, string? format, CancellationToken ct) =>
        {
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            // Whole days in Nanjing: from the start of `from` to the start of `to`.
            var rates = await statistics.RatesAsync(WorkingDays.EndOf(from.AddDays(-1)), WorkingDays.EndOf(to.AddDays(-1)), scope, ct);
            return Render(format, rates, $"rates-{from:yyyyMMdd}-{to:yyyyMMdd}",
                ["cases", "closed", "closed_at_first_pass", "one_time_closure_rate", "resolved", "resolved_rate", "reported", "reported_on_time",
                 "on_time_completion_rate", "rated", "satisfied", "satisfaction_rate", "diverted"],
                [[rates.Cases, rates.Closed, rates.ClosedAtFirstPass, rates.OneTimeClosureRate, rates.Resolved, rates.ResolvedRate, rates.Reported,
                  rates.ReportedOnTime, rates.OnTimeCompletionRate, rates.Rated, rates.Satisfied, rates.SatisfactionRate, rates.Diverted]]);
        });
    }

    private static string? Scope(HttpContext http, string? requested)
    {
        var user = http.User;
        var role = user.FindFirst(CallerClaims.Role)?.Value;
        var jurisdiction = user.FindFirst(CallerClaims.Region)?.Value ?? "";
        if (role is not (Roles.Bureau or Roles.Leader)) return null;
        var region = string.IsNullOrEmpty(requested) ? jurisdiction : requested;
        return Jurisdiction.Covers(jurisdiction, region) ? region : null;
    }

    private static IResult Render(string? format, IMessage message, string name, string[] header, IEnumerable<object?[]> rows)
    {
        if (format is null or "json")
            return Results.Text(JsonFormatter.Default.Format(message), "application/json", Encoding.UTF8);
        var csv = new StringBuilder().AppendLine(string.Join(',', header));
        foreach (var row in rows)
            csv.AppendLine(string.Join(',', row.Select(v => v switch
            {
                null => "",
                double d => d.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture)!.Replace(",", ";"),
            })));
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name + ".csv");
    }
}
