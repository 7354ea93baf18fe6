namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Which claimed rows may go out now, and in which order: the rows of one case (correlation id) form one lane published
/// one after the other in sequence order; lanes, and rows without a case, go in parallel. A case's rows are taken only
/// up to the first earlier row of that case that is not in this batch (quarantined, waiting for its queue, or claimed
/// by another replica): publishing past it would let a later event of the case overtake an earlier one.
/// </summary>
public static class OutboxLanes
{
    /// <param name="claimed">The rows this relay locked, in any order.</param>
    /// <param name="firstUnclaimed">For each case, the lowest sequence of its rows still in the table that are not claimed.</param>
    public static IReadOnlyList<IReadOnlyList<OutboxMessage>> Plan(IEnumerable<OutboxMessage> claimed, IReadOnlyDictionary<Guid, long> firstUnclaimed)
    {
        var lanes = new List<IReadOnlyList<OutboxMessage>>();
        foreach (var group in claimed.OrderBy(r => r.Sequence).GroupBy(r => r.CorrelationId))
        {
            if (group.Key is not { } caseId)
            {
                lanes.AddRange(group.Select(r => (IReadOnlyList<OutboxMessage>)[r]));
                continue;
            }
            var lane = firstUnclaimed.TryGetValue(caseId, out var blocker)
                ? group.TakeWhile(r => r.Sequence < blocker).ToList()
                : group.ToList();
            if (lane.Count > 0) lanes.Add(lane);
        }
        return lanes;
    }
}
