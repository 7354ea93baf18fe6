using System.Diagnostics;
using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// Every log line written while a case's event is consumed carries its CaseId (and CaseNumber when the event has one),
/// and the consume span is tagged with them: an operator follows one case through every service by these fields.
/// </summary>
public sealed class CaseLogScope<T>(ILogger<CaseLogScope<T>> log) : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly PropertyInfo? CaseId = Find("CaseId", typeof(Guid), typeof(Guid?));
    private static readonly PropertyInfo? CaseNumber = Find("CaseNumber", typeof(string));

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (CaseId?.GetValue(context.Message) is not Guid id || id == Guid.Empty)
        {
            await next.Send(context);
            return;
        }
        using (CaseTags.Begin(log, id.ToString(), CaseNumber?.GetValue(context.Message) as string))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("caseLogScope");

    private static PropertyInfo? Find(string name, params Type[] types) =>
        typeof(T).GetProperty(name) is { } p && types.Contains(p.PropertyType) && p.GetMethod is not null ? p : null;
}

/// <summary>The span attributes and log fields that name a case.</summary>
public static class CaseTags
{
    public const string Id = "coordination.case_id";
    public const string Number = "coordination.case_number";

    /// <summary>Tags the current span with the case and opens a log scope naming it; null when neither is given.</summary>
    public static IDisposable? Begin(ILogger log, string? id, string? number)
    {
        if (id is null && number is null) return null;
        var scope = new List<KeyValuePair<string, object>>(2);
        if (id is not null)
        {
            Activity.Current?.SetTag(Id, id);
            scope.Add(new("CaseId", id));
        }
        if (number is not null)
        {
            Activity.Current?.SetTag(Number, number);
            scope.Add(new("CaseNumber", number));
        }
        return log.BeginScope(scope);
    }
}
