using System.Globalization;

namespace Coordination.Bench;

/// <summary>
/// The services' Coordination counters (`coordination_*_total` on each one's Prometheus endpoint, summed over their
/// labels), read before and after a round, so that each round shows the instruments moving with the work it did
/// (issue 18). A service that does not answer is left out.
/// </summary>
public static class ServiceMetrics
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>COORD_BENCH_METRICS ("Intake=http://127.0.0.1:5201 …") or ./run.sh's HTTP ports.</summary>
    private static readonly IReadOnlyList<(string Service, string Address)> Endpoints =
        Environment.GetEnvironmentVariable("COORD_BENCH_METRICS") is { Length: > 0 } given
            ? [.. given.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('=', 2)).Select(p => (p[0], p[1]))]
            : [("Intake", "http://127.0.0.1:5201"), ("Assignment", "http://127.0.0.1:5202"), ("LegalDiversion", "http://127.0.0.1:5203"),
               ("JointMeeting", "http://127.0.0.1:5204"), ("Reporting", "http://127.0.0.1:5205"), ("Directory", "http://127.0.0.1:5206")];

    public static async Task<Dictionary<(string Service, string Counter), double>> ReadAsync()
    {
        var counters = new Dictionary<(string, string), double>();
        foreach (var (service, address) in Endpoints)
        {
            string text;
            try
            {
                text = await Http.GetStringAsync($"{address.TrimEnd('/')}/metrics");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                continue;
            }
            foreach (var line in text.Split('\n'))
            {
                if (!line.StartsWith("coordination_", StringComparison.Ordinal)) continue;
                var name = line[..line.IndexOfAny(['{', ' '])];
                if (!name.EndsWith("_total", StringComparison.Ordinal)) continue;
                var value = line[(line.LastIndexOf(' ') + 1)..];
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    counters[(service, name)] = counters.GetValueOrDefault((service, name)) + v;
            }
        }
        return counters;
    }

    /// <summary>"Intake coordination_petitions_registered_total +10000, …" for every counter that moved.</summary>
    public static string Moved(IReadOnlyDictionary<(string Service, string Counter), double> before, IReadOnlyDictionary<(string Service, string Counter), double> after)
    {
        var moved = after.Select(a => (a.Key, Delta: a.Value - before.GetValueOrDefault(a.Key))).Where(m => m.Delta != 0)
            .OrderBy(m => m.Key.Service, StringComparer.Ordinal).ThenBy(m => m.Key.Counter, StringComparer.Ordinal)
            .Select(m => $"{m.Key.Service} {m.Key.Counter} +{m.Delta:F0}").ToList();
        return moved.Count == 0 ? "none moved (or no service answered)" : string.Join(", ", moved);
    }
}
