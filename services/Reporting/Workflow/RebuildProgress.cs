namespace Coordination.Reporting.Workflow;

/// <summary>One rebuild of the read models as it runs: how far it got, and how it ended. Written by the job, read by the API.</summary>
public sealed class RebuildProgress(Guid id, string requestedBy, DateTimeOffset startedAt)
{
    public const string Running = "running", Completed = "completed", Failed = "failed";

    private int _total, _replayed;

    public Guid Id { get; } = id;
    public string RequestedBy { get; } = requestedBy;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public string State { get; private set; } = Running;
    public DateTimeOffset? FinishedAt { get; private set; }
    public string Error { get; private set; } = "";
    public int Total => Volatile.Read(ref _total);
    public int ReplayedCount => Volatile.Read(ref _replayed);

    public void Begin(int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _replayed, 0); // a retried attempt starts again
    }

    public void Replayed(int count) => Volatile.Write(ref _replayed, count);

    public void Complete(DateTimeOffset at) => (State, FinishedAt) = (Completed, at);

    public void Fail(string error, DateTimeOffset at) => (State, Error, FinishedAt) = (Failed, error, at);
}
