using System.Diagnostics;
using OpenTelemetry;

namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// SQL outside any request or message (the outbox relay's and the deadline scanner's polls, several a second even when
/// idle) would each start a trace of its own: such root spans are not recorded. SQL within a trace still is.
/// </summary>
public sealed class UntracedPolls : BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";

    public override void OnStart(Activity activity)
    {
        if (activity.Source.Name != NpgsqlSource || activity.ParentSpanId != default) return;
        activity.IsAllDataRequested = false;
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
