using System.Diagnostics;
using Coordination.Bench;

// Registrations through Intake's gRPC API at a fixed concurrency against a running system (./run.sh), then the
// time until every case is assigned by Assignment and on its timeline in Reporting. Prints figures per round (the
// first round after a start still pays for the services' JIT); asserts nothing.
var options = BenchOptions.Parse(args);
Console.WriteLine($"bench: {options.Rounds} round(s) of {options.Count} registrations over {options.Regions} district(s), concurrency {options.Concurrency}{(options.Rate > 0 ? $", at most {options.Rate:F0}/s" : "")}, " +
    $"warm-up {options.WarmUp}, Intake {options.IntakeAddress}, as {(options.Token is null ? options.User : "the given token")}");
string clerkToken;
try
{
    clerkToken = await ClerkToken.GetAsync(options);
}
catch (Exception ex) when (ex is Coordination.Cli.Oidc.OidcException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"bench: no clerk token from the Directory at {options.Directory}: {ex.Message}");
    return 2;
}
var load = new RegistrationLoad(options, clerkToken);
await load.RunAsync(options.WarmUp, CancellationToken.None);
var complete = true;
for (var round = 1; round <= options.Rounds; round++)
{
    var cpuBefore = ServiceCpu.Seconds();
    var clock = Stopwatch.StartNew();
    var sent = await load.RunAsync(options.Count, CancellationToken.None);
    var callSeconds = clock.Elapsed.TotalSeconds;
    var arrived = await new Arrivals(options.ReportingDatabase).WaitAsync(sent, TimeSpan.FromSeconds(options.TimeoutSeconds));
    var allSeconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = ServiceCpu.Seconds() - cpuBefore;

    var calls = sent.Select(s => s.CallMilliseconds).Order().ToList();
    var endToEnd = sent.Where(s => arrived.ContainsKey(s.CaseId)).Select(s => (arrived[s.CaseId] - s.SentAt).TotalMilliseconds).Order().ToList();
    var cases = sent.Select(s => s.CaseId).Distinct().Count();
    Console.WriteLine($"bench: round {round}: registered {sent.Count} in {callSeconds:F2} s = {sent.Count / callSeconds:F0} registrations/s");
    Console.WriteLine($"bench: round {round}: RegisterPetition latency ms  p50 {Percentile(calls, 50):F1}  p95 {Percentile(calls, 95):F1}  p99 {Percentile(calls, 99):F1}  max {calls[^1]:F1}");
    Console.WriteLine($"bench: round {round}: assigned and on the timeline: {arrived.Count}/{cases} cases after {allSeconds:F2} s = {arrived.Count / allSeconds:F0} cases/s end to end");
    if (endToEnd.Count > 0)
        Console.WriteLine($"bench: round {round}: registration sent -> CaseAssigned ms  p50 {Percentile(endToEnd, 50):F1}  p95 {Percentile(endToEnd, 95):F1}  p99 {Percentile(endToEnd, 99):F1}  max {endToEnd[^1]:F1}");
    if (cpuBefore >= 0)
        Console.WriteLine($"bench: round {round}: the services used {cpuSeconds:F1} CPU-seconds = {1000 * cpuSeconds / cases:F1} ms of CPU per case (PostgreSQL and RabbitMQ not included)");
    complete &= arrived.Count == cases;
}
Console.WriteLine($"bench: load generator peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
return complete ? 0 : 1;

static double Percentile(IReadOnlyList<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
