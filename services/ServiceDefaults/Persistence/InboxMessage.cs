namespace Coordination.ServiceDefaults.Persistence;

/// <summary>A message a consumer has already applied; recorded in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
