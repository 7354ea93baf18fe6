using Coordination.Contracts.LegalDiversion;
namespace Coordination.LegalDiversion.Domain;

/// <summary>A court, procuratorate, arbitration commission, reconsideration body, mediation committee or legal-aid centre.</summary>
public sealed class Institution
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Channel { get; init; }
    public required string RegionCode { get; init; }
}

public static class Channels
{
    public static readonly IReadOnlySet<string> All = LegalChannels.All;
}
