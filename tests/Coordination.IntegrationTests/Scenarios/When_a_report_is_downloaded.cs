using System.Text;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// A report downloaded as CSV opens in Excel as the table it is (quoted per RFC 4180, with a UTF-8 byte order mark,
/// no cell run as a formula), and as XLSX with typed cells, whatever the petitioners and units wrote.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_report_is_downloaded(SystemFixture system)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    private const string Person = "张,\"三\"\n@李";
    private IBus Bus => system.Intake.App.Services.GetRequiredService<IBus>();
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);

    /// <summary>One case in a city of its own (3271, 3272, …), its topic a formula and its responsible person hard to quote.</summary>
    private async Task<HttpClient> ScreeningReadyAsync(string city)
    {
        var county = city[..4] + "01";
        var at = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(8));
        var caseId = NewId.NextGuid();
        await Bus.Publish(Events.Registered(caseId, county, at, $"{county}-2026-000001") with { Topic = Formula });
        await Bus.Publish(new ResponsibilityAssigned
            { CaseId = caseId, Unit = $"-government-{county}", Group = "group 1", Leader = "county head", Person = Person, Actor = "bureau", OccurredAt = at.AddHours(1) });
        var bureau = Callers.As(Roles.Bureau, $"bureau-{city}", city);
        await Eventually.UntilAsync(() => Reporting.GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = "2026-Q3" }, bureau).ResponseAsync,
            r => r.Entries.Any(e => e.ResponsiblePerson == Person && e.Topic == Formula), "the case and its responsible person folded");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Reporting.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("b", Roles.Bureau, $"bureau-{city}", city));
        return http;
    }

    [Fact]
    public async Task A_csv_quotes_what_needs_quoting_carries_a_byte_order_mark_and_runs_no_formula()
    {
        using var http = await ScreeningReadyAsync("327100");
        var response = await http.GetAsync("/reports/screening?quarter=2026-Q3&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("case_number,region_code,topic,responsible_unit,responsible_person,due_at,days_open,", csv);
        // The topic neutralised and quoted, its quotes doubled; the unit neutralised; the person's comma, quotes and line break kept in one quoted cell.
        Assert.Contains("327101-2026-000001,327101,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",'-government-327101,\"张,\"\"三\"\"\n@李\",", csv);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task An_xlsx_holds_the_same_table_with_text_as_text()
    {
        using var http = await ScreeningReadyAsync("327200");
        var response = await http.GetAsync("/reports/screening?quarter=2026-Q3&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));

        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("327201-2026-000001", Formula, "-government-327201", Person),
            ((string)row["case_number"], (string)row["topic"], (string)row["responsible_unit"], (string)row["responsible_person"]));
        Assert.IsNotType<string>(row["days_open"]);
    }

    [Fact]
    public async Task An_unknown_format_is_a_bad_request()
    {
        using var http = await ScreeningReadyAsync("327300");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/reports/screening?quarter=2026-Q3&format=ods")).StatusCode);
    }
}
