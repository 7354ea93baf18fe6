using System.Text.Json;

namespace Coordination.Bench;

/// <summary>
/// The stack's own ceiling, measured by ../shared/baseline in the same run (bench/run.sh passes its JSON with
/// --baseline): what one PostgreSQL commit with an outbox row and one MassTransit message cost here, in CPU (client +
/// server) and in rate. A case needs five steps (registration, routing, two timeline folds, the status update), each
/// at best one commit and one message: that gives the ceiling a case is measured against.
/// </summary>
public sealed record Baseline(double CommitsPerSecond, double CommitCpuMs, double MessagesPerSecond, double MessageCpuMs)
{
    public const int StepsPerCase = 5;

    /// <summary>CPU a case would cost at one commit and one message per step.</summary>
    public double CaseCpuMs => StepsPerCase * (CommitCpuMs + MessageCpuMs);

    /// <summary>Cases a second the machine's cores could carry at that cost.</summary>
    public double CasesPerSecond => Environment.ProcessorCount * 1000 / CaseCpuMs;

    public static Baseline? Read(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement? Row(string bench, Func<string, bool> variant) => doc.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("bench").GetString() == bench && variant(r.GetProperty("variant").GetString() ?? "")
                && r.GetProperty("status").GetString() == "ok")
            .Select(r => (JsonElement?)r).FirstOrDefault();
        var commit = Row("pg-commit", v => v.Contains("outbox"));
        var message = Row("masstransit", v => v.Contains("64"));
        if (commit is null || message is null) return null;
        return new Baseline(Rate(commit.Value), CpuMs(commit.Value, "postgresCores"), Rate(message.Value), CpuMs(message.Value, "rabbitCores"));
    }

    private static double Rate(JsonElement row) => row.GetProperty("ratePerSec").GetDouble();

    /// <summary>Client and server CPU per unit over the measured window.</summary>
    private static double CpuMs(JsonElement row, string server)
    {
        var machine = row.GetProperty("machine");
        var cores = machine.GetProperty("clientCores").GetDouble() + machine.GetProperty(server).GetDouble();
        return 1000 * cores * row.GetProperty("seconds").GetDouble() / Math.Max(1, row.GetProperty("count").GetDouble());
    }
}
