namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// The cases an id in a request stands for, in this service (an assignment's case, a meeting's cases, a referral's
/// case), so the recusal shield refuses an action on a case before it runs; null when the field names no case here.
/// </summary>
public interface ICaseLocator
{
    Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct);
}

/// <summary>What the id names (its NotFound wording: "assignment not found") and the cases it belongs to.</summary>
public sealed record CaseReference(string Kind, IReadOnlyCollection<Guid> CaseIds);

/// <summary>For a service whose requests name cases only by case_id.</summary>
public sealed class NoCaseLocator : ICaseLocator
{
    public Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct) => Task.FromResult<CaseReference?>(null);
}
