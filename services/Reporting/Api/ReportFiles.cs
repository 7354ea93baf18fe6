using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Coordination.Reporting.Api;

/// <summary>
/// A report's table as the files offices open: CSV written by CsvHelper (RFC 4180 quoting, a UTF-8 byte order mark so
/// Excel on Chinese Windows reads the names, text cells that a spreadsheet would take for a formula neutralised) and
/// XLSX written by MiniExcel (typed cells: text stays text, numbers stay numbers).
/// </summary>
public static class ReportFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        // Only text is neutralised (below): a negative number is a number, not a formula.
        InjectionOptions = InjectionOptions.None,
        NewLine = "\r\n",
    };

    public static byte[] ToCsv(string[] header, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Csv))
        {
            foreach (var name in header) csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row) csv.WriteField(Cell(value));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] ToXlsx(string[] header, IEnumerable<object?[]> rows)
    {
        var sheet = rows.Select(row => (IDictionary<string, object?>)header.Select((name, i) => (name, value: i < row.Length ? row[i] : null))
            .ToDictionary(c => c.name, c => c.value)).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: true, sheetName: "report", excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    /// <summary>A cell's text: numbers in the invariant culture, text that begins like a formula with a leading apostrophe.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => Neutralised(text),
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>= + - @ start a formula in Excel, LibreOffice and Google Sheets, and so do a tab or a return before them.</summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
