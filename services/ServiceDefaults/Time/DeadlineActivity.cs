using System.Diagnostics;
using Coordination.ServiceDefaults.Messaging;

namespace Coordination.ServiceDefaults.Time;

/// <summary>The span of one fired rung: a root of its own (a limit may fire months later), linked to the trace that started it.</summary>
public static class DeadlineActivity
{
    public const string SourceName = "Coordination.Deadlines";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(Deadline deadline, string action)
    {
        ActivityLink[] links = ActivityContext.TryParse(deadline.TraceParent, null, out var started) ? [new ActivityLink(started)] : [];
        var activity = Source.StartActivity($"deadline {deadline.Step} {action}", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag(CaseTags.Id, deadline.CaseId.ToString());
        activity?.SetTag("coordination.deadline.step", deadline.Step);
        activity?.SetTag("coordination.deadline.action", action);
        return activity;
    }
}
