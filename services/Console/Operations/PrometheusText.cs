using System.Globalization;
using System.Text;

namespace Coordination.Console.Operations;

/// <summary>One sample of a scrape: a series name, its labels and its value (timestamps are dropped: the sampler keeps its own).</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// Reads Prometheus's text exposition format (what the services' /metrics serve): comment and TYPE/HELP lines are
/// skipped, labels are unescaped (\\, \" and \n), values may be NaN or ±Inf, a trailing timestamp is ignored. A line that
/// does not parse is skipped rather than losing the whole scrape.
/// </summary>
public static class PrometheusText
{
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (TryParseLine(line, out var sample)) samples.Add(sample);
        }
        return samples;
    }

    public static bool TryParseLine(string line, out MetricSample sample)
    {
        sample = null!;
        var i = 0;
        while (i < line.Length && IsNameChar(line[i], i == 0)) i++;
        if (i == 0) return false;
        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            if (!TryParseLabels(line, ref i, labels)) return false;
        }
        var rest = line[i..].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is 0 or > 2 || !TryParseValue(rest[0], out var value)) return false;
        sample = new MetricSample(name, labels, value);
        return true;
    }

    private static bool TryParseLabels(string line, ref int i, Dictionary<string, string> labels)
    {
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or ',') i++;
            if (i >= line.Length) return false;
            if (line[i] == '}') { i++; return true; }
            var start = i;
            while (i < line.Length && IsNameChar(line[i], i == start) && line[i] != ':') i++;
            if (i == start) return false;
            var key = line[start..i];
            while (i < line.Length && line[i] == ' ') i++;
            if (i >= line.Length || line[i] != '=') return false;
            i++;
            while (i < line.Length && line[i] == ' ') i++;
            if (i >= line.Length || line[i] != '"') return false;
            i++;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= line.Length) return false;
                var c = line[i++];
                if (c == '"') break;
                if (c != '\\') { value.Append(c); continue; }
                if (i >= line.Length) return false;
                var escaped = line[i++];
                value.Append(escaped switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => escaped });
            }
            labels[key] = value.ToString();
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN": value = double.NaN; return true;
            case "+Inf" or "Inf": value = double.PositiveInfinity; return true;
            case "-Inf": value = double.NegativeInfinity; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static bool IsNameChar(char c, bool first) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (!first && c is >= '0' and <= '9');
}
