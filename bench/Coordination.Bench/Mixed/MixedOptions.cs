using System.Globalization;

namespace Coordination.Bench.Mixed;

/// <summary>
/// --mixed and its knobs: who acts (seeded logins), how often each department polls its inbox (a random pause between
/// the two bounds), how many reads a second the bureau makes, how long a department handles a case before reporting,
/// and how many joint meetings run from convening to close each round (one every so many seconds).
/// </summary>
public sealed record MixedOptions(
    IReadOnlyList<string> Departments, string Bureau, string Committee, IReadOnlyList<string> MeetingParties,
    int PollMinMs, int PollMaxMs, double BureauReadsPerSecond, double HandleAfterSeconds, int MeetingsPerRound, double MeetingEverySeconds,
    string AssignmentAddress, string JointMeetingAddress, string ReportingAddress)
{
    public static MixedOptions? Parse(string[] args)
    {
        if (!args.Contains("--mixed")) return null;
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        string[] List(string name, string fallback) => Get(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var poll = List("department-poll-ms", "200,500").Select(int.Parse).ToArray();
        return new MixedOptions(
            List("departments", "dept.xuanwu-housing"), Get("bureau", "bureau.nanjing"), Get("committee", "committee.nanjing"),
            List("meeting-parties", "xuanwu-housing-office,nanjing-political-legal-committee"),
            poll[0], poll.Length > 1 ? Math.Max(poll[0], poll[1]) : poll[0],
            double.Parse(Get("bureau-reads", "5"), CultureInfo.InvariantCulture),
            double.Parse(Get("handle-after", "2"), CultureInfo.InvariantCulture),
            int.Parse(Get("meetings", "3")), double.Parse(Get("meeting-every", "3"), CultureInfo.InvariantCulture),
            Get("assignment", Environment.GetEnvironmentVariable("COORD_ASSIGNMENT") ?? "http://127.0.0.1:5102"),
            Get("joint-meeting", Environment.GetEnvironmentVariable("COORD_JOINT_MEETING") ?? "http://127.0.0.1:5104"),
            Get("reporting", Environment.GetEnvironmentVariable("COORD_REPORTING") ?? "http://127.0.0.1:5105"));
    }
}
