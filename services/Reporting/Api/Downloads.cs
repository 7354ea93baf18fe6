using Coordination.ServiceDefaults.Recusal;
using Coordination.ServiceDefaults.Time;
using System.Text;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf;

namespace Coordination.Reporting.Api;

/// <summary>
/// JSON, CSV and XLSX downloads over HTTP for browsers and spreadsheets (GET /reports/beijing-bulletin?month=2026-03,
/// /reports/rates?from=2026-05-01&amp;to=2026-06-01, /reports/key-counties?month=, /reports/reception-compliance?month=,
/// /reports/unit-performance?from=&amp;to=, /reports/joint-meetings, /reports/overdue, /reports/legal-cases, /reports/screening?quarter=2026-Q3,
/// /reports/suggestions?from=&amp;to=,
/// each with &amp;format=json|csv|xlsx and an optional region). Same JWT and the same jurisdiction rule as the gRPC reports.
/// </summary>
public static class Downloads
{
    public static void MapReportDownloads(this WebApplication app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();
        reports.MapGet("/beijing-bulletin", async (HttpContext http, Statistics statistics, string month, string? region, string? format, CancellationToken ct) =>
        {
            if (!ReportPeriods.IsMonth(month)) return Results.BadRequest(new { errors = new { month = "must be yyyy-MM" } });
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var bulletin = await statistics.BulletinAsync(month, scope, ct);
            return await RenderAsync(http, format, ct, bulletin, $"beijing-bulletin-{month}",
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
            return await RenderAsync(http, format, ct, rates, $"rates-{from:yyyyMMdd}-{to:yyyyMMdd}",
                ["cases", "closed", "closed_at_first_pass", "one_time_closure_rate", "resolved", "resolved_rate", "reported", "reported_on_time",
                 "on_time_completion_rate", "rated", "satisfied", "satisfaction_rate", "diverted"],
                [[rates.Cases, rates.Closed, rates.ClosedAtFirstPass, rates.OneTimeClosureRate, rates.Resolved, rates.ResolvedRate, rates.Reported,
                  rates.ReportedOnTime, rates.OnTimeCompletionRate, rates.Rated, rates.Satisfied, rates.SatisfactionRate, rates.Diverted]]);
        });
        reports.MapGet("/key-counties", async (HttpContext http, Statistics statistics, string month, string? region, string? format, CancellationToken ct) =>
        {
            if (!ReportPeriods.IsMonth(month)) return Results.BadRequest(new { errors = new { month = "must be yyyy-MM" } });
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var counties = await statistics.KeyManagedCountiesAsync(month, scope, ct);
            return await RenderAsync(http, format, ct, counties, $"key-counties-{month}", ["region_code", "batches", "people", "collective_batches", "active_months", "last_month_batches"],
                counties.Counties.Select(c => new object?[] { c.RegionCode, c.Batches, c.People, c.CollectiveBatches, c.ActiveMonths, c.LastMonthBatches }));
        });
        reports.MapGet("/reception-compliance", async (HttpContext http, Statistics statistics, string month, string? region, string? format, CancellationToken ct) =>
        {
            if (!ReportPeriods.IsMonth(month)) return Results.BadRequest(new { errors = new { month = "must be yyyy-MM" } });
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var compliance = await statistics.ReceptionComplianceAsync(month, scope, ct);
            return await RenderAsync(http, format, ct, compliance, $"reception-compliance-{month}",
                ["leader_name", "level", "region_code", "sessions_held", "minimum", "compliant", "cases_received", "cases_answered", "all_answered"],
                compliance.Leaders.Select(l => new object?[]
                    { l.LeaderName, l.Level, l.RegionCode, l.SessionsHeld, l.Minimum, l.Compliant, l.CasesReceived, l.CasesAnswered, l.AllAnswered }));
        });
        reports.MapGet("/unit-performance", async (HttpContext http, Statistics statistics, DateOnly from, DateOnly to, string? region, string? format, CancellationToken ct) =>
        {
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var performance = await statistics.UnitPerformanceAsync(WorkingDays.EndOf(from.AddDays(-1)), WorkingDays.EndOf(to.AddDays(-1)), scope, ct);
            return await RenderAsync(http, format, ct, performance, $"unit-performance-{from:yyyyMMdd}-{to:yyyyMMdd}", ["kind", "code", "handed_over", "acknowledged_or_returned", "mean_hours_or_rate"],
                performance.Units.Select(u => new object?[] { "unit", u.UnitCode, u.Assignments, u.Acknowledged, u.MeanHoursToAcknowledge })
                    .Concat(performance.Routers.Select(r => new object?[] { "router", r.RoutedBy, r.Routed, r.Returned, r.ReturnRate })));
        });
        reports.MapGet("/joint-meetings", async (HttpContext http, Statistics statistics, string? region, string? format, CancellationToken ct) =>
        {
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var report = await statistics.MeetingReportAsync(scope, DateTimeOffset.UtcNow, ct);
            return await RenderAsync(http, format, ct, report, "joint-meetings", ["meeting_id", "case_id", "region_code", "missing_answers", "missing_positions", "overdue_items_by"],
                report.Meetings.Select(m => new object?[]
                    { m.MeetingId, m.CaseId, m.RegionCode, string.Join(' ', m.MissingAnswers), string.Join(' ', m.MissingPositions), string.Join(' ', m.OverdueItemsBy) }));
        });
        reports.MapGet("/overdue", async (HttpContext http, Registers registers, string? region, string? unit, string? format, CancellationToken ct) =>
        {
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var list = await registers.OverdueAsync(scope, unit ?? "", DateTimeOffset.UtcNow, ct);
            return await RenderAsync(http, format, ct, list, $"overdue-{WorkingDays.DayOf(DateTimeOffset.UtcNow):yyyyMMdd}",
                ["case_number", "region_code", "unit_code", "responsible_person", "step", "due_at", "days_overdue", "reminders", "urges", "supervisions"],
                list.Items.Select(i => new object?[]
                {
                    i.CaseNumber, i.RegionCode, i.UnitCode, i.ResponsiblePerson, i.Step, i.DueAt.ToDateTimeOffset().ToOffset(WorkingDays.BureauOffset).ToString("yyyy-MM-dd HH:mm"),
                    i.DaysOverdue, i.Reminders, i.Urges, i.Supervisions,
                }));
        });
        reports.MapGet("/legal-cases", async (HttpContext http, Registers registers, string? region, string? format, CancellationToken ct) =>
        {
            if (Scope(http, region, Roles.Committee, Roles.Bureau, Roles.Leader) is not { } scope) return Results.Forbid();
            var cases = await registers.LegalCasesAsync(scope, DateTimeOffset.UtcNow, ct);
            return await RenderAsync(http, format, ct, cases, "legal-cases", ["case_number", "region_code", "channel", "institution_code", "status", "age_days", "major"],
                cases.Cases.Select(c => new object?[] { c.CaseNumber, c.RegionCode, c.Channel, c.InstitutionCode, c.Status, c.AgeDays, c.Major }));
        });
        reports.MapGet("/screening", async (HttpContext http, Registers registers, string quarter, string? region, string? format, CancellationToken ct) =>
        {
            if (!ReportPeriods.TryQuarter(quarter, out var year, out var q)) return Results.BadRequest(new { errors = new { quarter = "must be yyyy-Qn, e.g. 2026-Q3" } });
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var register = await registers.ScreeningAsync(year, q, scope, ct);
            return await RenderAsync(http, format, ct, register, $"screening-{quarter}",
                ["case_number", "region_code", "topic", "responsible_unit", "responsible_person", "due_at", "days_open", "collective", "to_beijing", "repeats", "overdue", "major"],
                register.Entries.Select(e => new object?[]
                {
                    e.CaseNumber, e.RegionCode, e.Topic, e.ResponsibleUnit, e.ResponsiblePerson,
                    e.DueAt?.ToDateTimeOffset().ToOffset(WorkingDays.BureauOffset).ToString("yyyy-MM-dd HH:mm"), e.DaysOpen, e.Collective, e.ToBeijing, e.Repeats,
                    e.Overdue, e.Major,
                }));
        });
        reports.MapGet("/suggestions", async (HttpContext http, SuggestionReport suggestions, DateOnly from, DateOnly to, string? region, string? format,
            CancellationToken ct) =>
        {
            if (Scope(http, region) is not { } scope) return Results.Forbid();
            var report = await suggestions.ForAsync(WorkingDays.EndOf(from.AddDays(-1)), WorkingDays.EndOf(to.AddDays(-1)), scope, ct);
            return Render(format, report, $"suggestions-{from:yyyyMMdd}-{to:yyyyMMdd}",
                ["region_code", "topic", "received", "evaluated", "adopted", "partly_adopted", "not_adopted", "commended"],
                report.Rows.Select(r => new object?[] { r.RegionCode, r.Topic, r.Received, r.Evaluated, r.Adopted, r.PartlyAdopted, r.NotAdopted, r.Commended }));
        });
    }

    /// <summary>The region the caller may read (the requested one, default their own), or null: forbidden.</summary>
    private static string? Scope(HttpContext http, string? requested, params string[] roles) =>
        Caller.FromUser(http.User, out _) is { } caller && caller.Is(roles.Length == 0 ? [Roles.Bureau, Roles.Leader] : roles) ? caller.ReadableRegion(requested) : null;

    /// <summary>The report without the cases the caller is kept away from (ADR 30); rows are read from it only now.</summary>
    private static async Task<IResult> RenderAsync(HttpContext http, string? format, CancellationToken ct, IMessage message, string name, string[] header,
        IEnumerable<object?[]> rows)
    {
        await RecusedReplies.PruneAsync(http, message, ct);
        return Render(format, message, name, header, rows);
    }

    private static IResult Render(string? format, IMessage message, string name, string[] header, IEnumerable<object?[]> rows) => format switch
    {
        null or "json" => Results.Text(JsonFormatter.Default.Format(message), "application/json", Encoding.UTF8),
        "csv" => Results.File(ReportFiles.ToCsv(header, rows), ReportFiles.CsvType, name + ".csv"),
        "xlsx" => Results.File(ReportFiles.ToXlsx(header, rows), ReportFiles.XlsxType, name + ".xlsx"),
        _ => Results.BadRequest(new { errors = new { format = "must be json, csv or xlsx" } }),
    };
}
