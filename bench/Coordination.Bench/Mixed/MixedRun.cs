using System.Diagnostics;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.Reporting;
using Grpc.Net.Client;

namespace Coordination.Bench.Mixed;

/// <summary>
/// The mixed mode (--mixed): beside each round's registrations, the departments, the bureau and joint meetings act
/// through the real gRPC APIs until the round's cases are on the timeline; then the round's calls are reported.
/// </summary>
public sealed class MixedRun(MixedOptions options, People people)
{
    private readonly Calls _calls = new();
    private readonly AssignmentService.AssignmentServiceClient _assignments = new(GrpcChannel.ForAddress(options.AssignmentAddress));
    private readonly ReportingService.ReportingServiceClient _reporting = new(GrpcChannel.ForAddress(options.ReportingAddress));
    private readonly JointMeetingService.JointMeetingServiceClient _meetings = new(GrpcChannel.ForAddress(options.JointMeetingAddress));
    public Handling Handling { get; } = new();

    public static async Task<MixedRun> SignInAsync(BenchOptions bench, MixedOptions options)
    {
        var people = await People.SignInAsync(bench, options);
        Console.WriteLine($"bench: mixed: departments {string.Join(", ", options.Departments)} poll every {options.PollMinMs}–{options.PollMaxMs} ms and report " +
            $"{options.HandleAfterSeconds:0.#} s after signing; {options.Bureau} reads {options.BureauReadsPerSecond:0.#}/s and replies; " +
            $"at most {options.MeetingsPerRound} joint meeting(s) a round, one every {options.MeetingEverySeconds:0.#} s, with {string.Join(", ", options.MeetingParties)}");
        return new MixedRun(options, people);
    }

    private CancellationTokenSource? _stop;
    private List<DepartmentActor>? _departments; // kept from round to round with the hand-overs they signed for
    private List<Task> _actors = [];
    private Stopwatch _clock = new();
    private double _seconds;

    /// <summary>Starts every actor for a round.</summary>
    public void Start()
    {
        _stop = new CancellationTokenSource();
        _clock = Stopwatch.StartNew();
        var stop = _stop.Token;
        _departments ??= people.Departments.Select(d => new DepartmentActor(_assignments, d, options, _calls, Handling)).ToList();
        _actors = _departments.Select(d => Task.Run(() => d.RunAsync(stop)))
            .Append(Task.Run(() => new BureauActor(_assignments, _reporting, people.Bureau, options, _calls, Handling).RunAsync(stop)))
            .Append(Task.Run(() => new MeetingActor(_meetings, people, options, _calls).RunAsync(stop)))
            .ToList();
    }

    /// <summary>Stops the round's actors (each finishes or drops the call in flight); without report, forgets their calls.</summary>
    public async Task StopAsync(string round, bool report = true)
    {
        _stop?.Cancel();
        _seconds = _clock.Elapsed.TotalSeconds;
        try { await Task.WhenAll(_actors); }
        catch (Exception ex) { Console.Error.WriteLine($"bench: {round}: mixed: an actor stopped: {ex.GetType().Name}: {ex.Message}"); }
        _stop?.Dispose();
        if (!report) _calls.Take();
    }

    /// <summary>Prints what the round's actors did and starts the next round's count afresh; false on an UNKNOWN or INTERNAL.</summary>
    public bool Report(string round) => MixedReport.Print(round, _seconds, _calls.Take());
}
