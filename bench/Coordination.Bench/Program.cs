using System.Diagnostics;
using Coordination.Bench;
using Coordination.Bench.Mixed;

// Registrations through Intake's gRPC API at a fixed concurrency against a running system (./run.sh), then the
// time until every case is assigned by Assignment and on its timeline in Reporting. Prints figures per round (the
// first round after a start still pays for the services' JIT); asserts nothing. With --mixed, departments, the bureau
// and joint meetings act beside the registrations (Mixed/) and each round also reports their calls per method.
var options = BenchOptions.Parse(args);
Console.WriteLine($"bench: {options.Rounds} round(s) of {options.Count} registrations over {options.Regions} district(s), concurrency {options.Concurrency}{(options.Rate > 0 ? $", at most {options.Rate:F0}/s" : "")}, " +
    $"warm-up {options.WarmUp}, Intake {options.IntakeAddress}, as {(options.Token is null ? options.User : "the given token")}");
// --wake-cost: what a sleep and wake-up costs this machine, measured first, while the system is idle (WakeCost).
if (args.Contains("--wake-cost")) WakeCost.Run();
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
var stack = Baseline.Read(options.BaselineJson);
if (stack is not null)
    Console.WriteLine($"bench: baseline (same run): PostgreSQL commit with an outbox row {stack.CommitsPerSecond:F0}/s at {stack.CommitCpuMs:F2} ms CPU; " +
        $"MassTransit message {stack.MessagesPerSecond:F0}/s at {stack.MessageCpuMs:F2} ms CPU; a case at one commit and one message for each of " +
        $"its {Baseline.StepsPerCase} steps: {stack.CaseCpuMs:F2} ms CPU, a ceiling of {stack.CasesPerSecond:F0} cases/s on {Environment.ProcessorCount} cores");
var load = new RegistrationLoad(options, clerkToken);
var stages = new Stages(options);
MixedRun? mixed = null;
if (MixedOptions.Parse(args) is { } mixedOptions)
{
    try
    {
        mixed = await MixedRun.SignInAsync(options, mixedOptions);
    }
    catch (Exception ex) when (ex is Coordination.Cli.Oidc.OidcException or InvalidOperationException or HttpRequestException)
    {
        Console.Error.WriteLine($"bench: mixed: a person could not sign in at the Directory at {options.Directory}: {ex.Message}");
        return 2;
    }
    load.Registered = mixed.Handling.Registered;
    mixed.Start(); // the warm-up warms the mixed calls too; what they did is not reported
}
var warmedUp = await load.RunAsync(options.WarmUp, CancellationToken.None);
// The first round starts once the warm-up's cases are assigned and on their timelines: the calls return long before
// Assignment and Reporting are done with them, and their backlog had been charged to the first round (a warm-up of
// 3,000 made a first round cost 0.4 ms a case more than the second).
await new Arrivals(options.ReportingDatabase).WaitAsync(warmedUp, TimeSpan.FromSeconds(options.TimeoutSeconds));
if (mixed is not null) await mixed.StopAsync("warm-up", report: false);
if (options.CallFloor > 0) await CallFloor.RunAsync(options, clerkToken, stack, options.CallFloor);
if (options.Sweep.Count > 0) return await SweepAsync();
var complete = true;
for (var round = 1; round <= options.Rounds; round++)
{
    var cpuBefore = ServiceCpu.Read();
    var metricsBefore = await ServiceMetrics.ReadAsync();
    mixed?.Start();
    var clock = Stopwatch.StartNew();
    var sent = await load.RunAsync(options.Count, CancellationToken.None, LeadIn(options.Rate));
    var callSeconds = clock.Elapsed.TotalSeconds;
    var arrived = await new Arrivals(options.ReportingDatabase).WaitAsync(sent, TimeSpan.FromSeconds(options.TimeoutSeconds));
    var allSeconds = clock.Elapsed.TotalSeconds;
    var cpuAfter = ServiceCpu.Read();
    var metricsAfter = await ServiceMetrics.ReadAsync();
    if (mixed is not null) await mixed.StopAsync($"round {round}");
    double CpuMsPerCase(string group) => ServiceCpu.MsPerUnit(cpuBefore, cpuAfter, group, arrived.Count);

    var cases = sent.Select(s => s.CaseId).Distinct().Count();
    Console.WriteLine($"bench: round {round}: registered {sent.Count} in {callSeconds:F2} s = {sent.Count / callSeconds:F0} registrations/s");
    if (sent.Count(s => s.Repeat) is > 0 and var repeats)
        Console.WriteLine($"bench: round {round}: !!! {repeats} of {sent.Count} registrations were repeats of earlier cases (they open none, so the figures overstate the system)");
    Console.WriteLine($"bench: round {round}: assigned and on the timeline: {arrived.Count}/{cases} cases after {allSeconds:F2} s = {arrived.Count / allSeconds:F0} cases/s end to end");
    await PrintLatenciesAsync($"round {round}", sent, arrived);
    var services = PrintCpu($"round {round}", cpuBefore, cpuAfter, arrived.Count);
    Console.WriteLine($"bench: round {round}: /metrics counters moved: {ServiceMetrics.Moved(metricsBefore, metricsAfter)}");
    if (stack is not null)
        Console.WriteLine($"bench: round {round}: against the baseline: {arrived.Count / allSeconds / stack.CasesPerSecond:P1} of its ceiling's cases/s; " +
            $"services plus PostgreSQL and RabbitMQ {(services + CpuMsPerCase("PostgreSQL") + CpuMsPerCase("RabbitMQ")) / stack.CaseCpuMs:F1}x its CPU per case");
    var mixedClean = mixed?.Report($"round {round}") ?? true; // no UNKNOWN or INTERNAL
    complete &= arrived.Count == cases && mixedClean;
}
Console.WriteLine($"bench: load generator peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
return complete ? 0 : 1;

// Open loop: at each arrival rate, --count registrations no faster than that, then the latency from sending to
// CaseAssigned on the timeline; the first rate whose p99 passes 100 ms is where the system stops keeping up.
async Task<int> SweepAsync()
{
    double? passes = null;
    var clean = true;
    foreach (var rate in options.Sweep)
    {
        var paced = new RegistrationLoad(options with { Rate = rate }, clerkToken) { Registered = load.Registered };
        var cpuBefore = ServiceCpu.Read();
        mixed?.Start();
        var clock = Stopwatch.StartNew();
        var sent = await paced.RunAsync(options.Count, CancellationToken.None, LeadIn(rate));
        var offered = sent.Count / clock.Elapsed.TotalSeconds;
        var arrived = await new Arrivals(options.ReportingDatabase).WaitAsync(sent, TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cpuAfter = ServiceCpu.Read();
        if (mixed is not null) await mixed.StopAsync($"open loop {rate:F0}/s");
        if (arrived.Count == 0)
        {
            Console.WriteLine($"bench: open loop {rate:F0}/s: nothing arrived");
            clean &= mixed?.Report($"open loop {rate:F0}/s") ?? true;
            continue;
        }
        Console.WriteLine($"bench: open loop {rate:F0}/s: sent at {offered:F0}/s, {arrived.Count}/{sent.Count} arrived");
        var p99 = await PrintLatenciesAsync($"open loop {rate:F0}/s", sent, arrived);
        // A paced load costs more a case than the closed loop: its registrations, group commits and relay batches are smaller.
        PrintCpu($"open loop {rate:F0}/s", cpuBefore, cpuAfter, arrived.Count);
        if (p99 > 100 && passes is null) passes = rate;
        clean &= mixed?.Report($"open loop {rate:F0}/s") ?? true;
    }
    Console.WriteLine(passes is { } r ? $"bench: open loop: p99 passes 100 ms at {r:F0} cases/s" : "bench: open loop: p99 stayed within 100 ms at every rate tried");
    return clean ? 0 : 1;
}

// With a rate, the first --lead-in seconds' registrations (sent without a pause before the measured ones) are reported
// apart: the figures are those of the load once it has run at that rate, and the lead-in's show how the system took the
// step from idle (its queues and batches grow until they carry the rate).
int LeadIn(double rate) => rate > 0 ? (int)Math.Round(rate * options.LeadInSeconds) : 0;

// The call's latency, sent -> CaseAssigned, sent -> on the timeline and where the time went, of the registrations after
// the lead-in; then the lead-in's own sent -> CaseAssigned. Returns the p99 of sent -> CaseAssigned (0 when none arrived).
async Task<double> PrintLatenciesAsync(string label, List<Sent> all, Dictionary<Guid, Arrival> arrived)
{
    var sent = all.Where(s => !s.LeadIn).ToList();
    var calls = sent.Select(s => s.CallMilliseconds).Order().ToList();
    var endToEnd = Arrivals.Latencies(sent, arrived, a => a.Assigned);
    var onTimeline = Arrivals.Latencies(sent, arrived, a => a.OnTimeline);
    var leadIn = Arrivals.Latencies(all.Where(s => s.LeadIn), arrived, a => a.Assigned);
    var after = leadIn.Count > 0 ? $" (the {sent.Count} after the lead-in)" : "";
    if (calls.Count > 0)
        Console.WriteLine($"bench: {label}: RegisterPetition latency ms{after}  {Spread(calls)}");
    if (endToEnd.Count > 0)
        Console.WriteLine($"bench: {label}: registration sent -> CaseAssigned ms{after}  {Spread(endToEnd)}");
    if (onTimeline.Count > 0)
        Console.WriteLine($"bench: {label}: registration sent -> on the timeline ms{after}  {Spread(onTimeline)}");
    Console.WriteLine($"bench: {label}: where the time went, ms p50 / p99{after}: {Stages.Describe(await stages.MeasureAsync(sent, arrived))}");
    if (leadIn.Count > 0)
        Console.WriteLine($"bench: {label}: the lead-in ({leadIn.Count} registrations in the first {options.LeadInSeconds:0.#} s at the rate, " +
            $"from idle; left out of the lines above): registration sent -> CaseAssigned ms  {Spread(leadIn)}");
    return endToEnd.Count > 0 ? Percentile(endToEnd, 99) : 0;
}

static string Spread(List<double> sorted) =>
    $"p50 {Percentile(sorted, 50):F1}  p95 {Percentile(sorted, 95):F1}  p99 {Percentile(sorted, 99):F1}  max {sorted[^1]:F1}";

// Prints "<label>: CPU ms per case: ..." (services, each service, PostgreSQL, RabbitMQ, Redis); returns the services' sum.
static double PrintCpu(string label, Dictionary<string, double> before, Dictionary<string, double> after, int cases)
{
    var services = ServiceCpu.Services.Sum(s => ServiceCpu.MsPerUnit(before, after, s, cases));
    if (ServiceCpu.Services.Count > 0)
        Console.WriteLine($"bench: {label}: CPU ms per case: services {services:F2} (" +
            string.Join(", ", ServiceCpu.Services.Select(s => $"{s} {ServiceCpu.MsPerUnit(before, after, s, cases):F2}")) + "); " +
            string.Join(", ", ServiceCpu.Infrastructure.Select(s => $"{s} {ServiceCpu.MsPerUnit(before, after, s, cases):F2}")));
    // The whole box: what a case cost every core, whoever used it, and the rate that cost allows on this machine's cores.
    var box = ServiceCpu.MsPerUnit(before, after, ServiceCpu.Box, cases);
    var generator = ServiceCpu.MsPerUnit(before, after, ServiceCpu.LoadGenerator, cases);
    var named = services + ServiceCpu.Infrastructure.Sum(s => ServiceCpu.MsPerUnit(before, after, s, cases)) + generator;
    if (box > 0)
        Console.WriteLine($"bench: {label}: box CPU ms per case {box:F2}: the above {named - generator:F2}, load generator {generator:F2}, " +
            $"everything else {box - named:F2} (kernel work no process was charged for, other processes); " +
            $"at {box:F2} ms a case the {Environment.ProcessorCount} cores carry at most {Environment.ProcessorCount * 1000 / box:F0} cases/s; " +
            $"{ServiceCpu.PerUnit(before, after, ServiceCpu.ContextSwitches, cases):F0} context switches a case " +
            $"(the load generator {ServiceCpu.PerUnit(before, after, ServiceCpu.LoadGeneratorSwitches, cases):F1})");
    return services;
}

static double Percentile(IReadOnlyList<double> sorted, int p) => Percentiles.Of(sorted, p);
