namespace Coordination.LegalDiversion.Domain;

/// <summary>A law-related case on its way into legal procedure (诉访分离, §14–15).</summary>
public sealed class Referral
{
    /// <summary>Opened: waiting for the channel and institution to be chosen.</summary>
    public const string Open = "open";

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public string Status { get; init; } = Open;
    public DateTimeOffset OpenedAt { get; init; }
}
