using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Coordination.Console.Downloads;

/// <summary>A report table as people download it: Chinese column headings, one row per line, as CSV (UTF-8 with BOM, for Excel) or XLSX.</summary>
public sealed record Table(string FileName, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public byte[] Csv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Headings.Select(Quote)));
        foreach (var row in Rows) text.AppendLine(string.Join(',', row.Select(v => Quote(Cell(v)))));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Xlsx()
    {
        var sheet = Rows.Select(row =>
        {
            var line = new Dictionary<string, object?>();
            for (var i = 0; i < Headings.Count; i++) line[Headings[i]] = i < row.Count ? row[i] : null;
            return line;
        }).ToList();
        if (sheet.Count == 0) sheet.Add(Headings.ToDictionary(h => h, _ => (object?)null));
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "报表");
        return stream.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
