namespace Coordination.Bench;

public sealed record BenchOptions(
    int Count, int Concurrency, int WarmUp, int Regions, int Rounds, string IntakeAddress, string ReportingDatabase, int TimeoutSeconds,
    string? Token, string Directory, string User, string? Password, double Rate, string? BaselineJson, IReadOnlyList<double> Sweep,
    int CallFloor, string IntakeDatabase, string AssignmentDatabase, double LeadInSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=127.0.0.1;Port=5432;Username=coordination;Password=coordination";
        // 256 calls in flight by default, what Intake's four registration groups of up to 64 take at once: the services
        // batch what arrives together, so the more in flight the less a case costs (measured 2026-11-30 on the same
        // services minutes apart: at 32, 23-26 context switches and 2.4-2.8 ms of box CPU a case; at 256, 11-13 and
        // 1.7-2.1 ms). A closed loop measures capacity; --rate measures latency at a given load (issue 15).
        return new BenchOptions(
            int.Parse(Get("count", "2000")), int.Parse(Get("concurrency", "256")), int.Parse(Get("warm-up", "300")),
            Math.Clamp(int.Parse(Get("regions", "11")), 1, RegistrationLoad.NanjingDistricts.Length), Math.Max(1, int.Parse(Get("rounds", "2"))),
            Get("intake", Environment.GetEnvironmentVariable("COORD_INTAKE") ?? "http://127.0.0.1:5101"),
            $"{server};Database={Get("reporting-db", "coordination_reporting")}", int.Parse(Get("timeout", "180")),
            Get("token", Environment.GetEnvironmentVariable("COORD_TOKEN") ?? "") is { Length: > 0 } token ? token : null,
            Get("directory", Environment.GetEnvironmentVariable("COORD_DIRECTORY") ?? Coordination.Cli.Oidc.Discovery.DefaultDirectory),
            Get("user", Environment.GetEnvironmentVariable("COORD_USER") ?? "clerk.nanjing"),
            Get("password", Environment.GetEnvironmentVariable("COORD_PASSWORD") ?? "") is { Length: > 0 } password ? password : null,
            Math.Max(0, double.Parse(Get("rate", "0"), System.Globalization.CultureInfo.InvariantCulture)),
            Get("baseline", "") is { Length: > 0 } baseline ? baseline : null,
            // --sweep 50,100,200,300: open loop at each arrival rate in turn, --count registrations each.
            Get("sweep", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).Where(r => r > 0).ToList(),
            // --call-floor N: before the rounds, N registrations refused after validation (CallFloor): a call's own cost.
            Math.Max(0, int.Parse(Get("call-floor", "0"))),
            // Where a round's time went (Stages) is read from Intake's and Assignment's databases beside Reporting's.
            $"{server};Database={Get("intake-db", "coordination_intake")}", $"{server};Database={Get("assignment-db", "coordination_assignment")}",
            // --lead-in S: with a rate, S seconds of registrations sent first at that rate, reported apart (Program.LeadIn).
            Math.Max(0, double.Parse(Get("lead-in", "2"), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
