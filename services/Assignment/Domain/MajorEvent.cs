using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>
/// A major event (重大紧急信访事项, §11, §13): reported up at once (the first report within hours), followed up (续报) until
/// it is closed; for petitions to Beijing and the provincial capital, return teams are dispatched (劝返, 接返).
/// </summary>
public sealed class MajorEvent
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The bureau that must report it.</summary>
    public required string Unit { get; init; }
    public required string OpenedBy { get; init; }
    public Guid? EarlyWarningId { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset FirstReportDueAt { get; init; }
    public DateTimeOffset? FirstReportedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingSummary { get; private set; }
    public List<MajorEventReport> Reports { get; init; } = [];
    public List<ReturnDispatch> Dispatches { get; init; } = [];

    public bool Closed => ClosedAt is not null;

    /// <summary>Reports go to the levels named, in order: the first (首报), then follow-ups (续报) until closed.</summary>
    public MajorEventReport Report(IReadOnlyList<string> levels, string content, string actor, DateTimeOffset now)
    {
        RequireOpen();
        var report = new MajorEventReport
        {
            Id = Guid.NewGuid(), MajorEventId = Id, Sequence = Reports.Count + 1, Levels = [.. levels], Content = content, ReportedBy = actor, ReportedAt = now,
            Late = Reports.Count == 0 && now > FirstReportDueAt,
        };
        Reports.Add(report);
        FirstReportedAt ??= now;
        return report;
    }

    /// <summary>Closed once reported, and once every dispatch came back with its outcome.</summary>
    public void Close(string summary, DateTimeOffset now)
    {
        RequireOpen();
        if (Reports.Count == 0) throw new DomainRuleException("MajorEventNotReported", "a major event is reported before it is closed");
        if (Dispatches.Any(d => d.Outcome is null))
            throw new DomainRuleException("DispatchStillOut", "a return team is still out: record its outcome first");
        (ClosedAt, ClosingSummary) = (now, summary);
    }

    /// <summary>Only petitions to Beijing or the provincial capital have return teams.</summary>
    public ReturnDispatch Dispatch(string destination, string fromUnit, IReadOnlyList<string> people, DateTimeOffset departAt, string actor, DateTimeOffset now)
    {
        RequireOpen();
        string[] allowed = Kind switch
        {
            MajorEventKinds.ToBeijing => [DispatchWords.Beijing],
            MajorEventKinds.ToProvincialCapital => [DispatchWords.ProvincialCapital],
            MajorEventKinds.CollectiveVisit => [DispatchWords.Beijing, DispatchWords.ProvincialCapital],
            _ => [],
        };
        if (!allowed.Contains(destination))
            throw new DomainRuleException("NoDispatchForThisEvent", $"a {Kind} event has no return team to {destination}");
        var dispatch = new ReturnDispatch
        {
            Id = Guid.NewGuid(), MajorEventId = Id, Destination = destination, FromUnit = fromUnit, People = [.. people], DepartAt = departAt, OrderedBy = actor,
            OrderedAt = now,
        };
        Dispatches.Add(dispatch);
        return dispatch;
    }

    public ReturnDispatch RecordOutcome(Guid dispatchId, string outcome, int returned, string note, DateTimeOffset now)
    {
        RequireOpen();
        var dispatch = Dispatches.FirstOrDefault(d => d.Id == dispatchId) ?? throw new NotFoundException("dispatch");
        if (dispatch.Outcome is not null) throw new DomainRuleException("OutcomeAlreadyRecorded", "this dispatch's outcome is recorded");
        if (outcome == DispatchWords.NotReturned && returned != 0)
            throw new DomainRuleException("NotReturnedCountsNone", "petitioners_returned is 0 when nobody returned");
        if (outcome != DispatchWords.NotReturned && returned < 1)
            throw new DomainRuleException("ReturnedCountsSomeone", "petitioners_returned is at least 1 when they returned or were received");
        dispatch.Record(outcome, returned, note, now);
        return dispatch;
    }

    private void RequireOpen()
    {
        if (Closed) throw new DomainRuleException("MajorEventClosed", "the major event is closed");
    }
}

public sealed class MajorEventReport
{
    public Guid Id { get; init; }
    public Guid MajorEventId { get; init; }
    public int Sequence { get; init; }
    public List<string> Levels { get; init; } = [];
    public required string Content { get; init; }
    public required string ReportedBy { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
    public bool Late { get; init; }
}

/// <summary>A dispatch order: who is sent, from which unit, when; and how it ended.</summary>
public sealed class ReturnDispatch
{
    public Guid Id { get; init; }
    public Guid MajorEventId { get; init; }
    public required string Destination { get; init; }
    public required string FromUnit { get; init; }
    public List<string> People { get; init; } = [];
    public DateTimeOffset DepartAt { get; init; }
    public required string OrderedBy { get; init; }
    public DateTimeOffset OrderedAt { get; init; }
    public string? Outcome { get; private set; }
    public int PetitionersReturned { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }

    internal void Record(string outcome, int returned, string note, DateTimeOffset now) =>
        (Outcome, PetitionersReturned, Note, OutcomeAt) = (outcome, returned, note, now);
}
