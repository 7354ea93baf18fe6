namespace Coordination.Contracts.Assignment;

/// <summary>What a completion report answers the petitioner (DOMAIN.md, outcomes): wire values.</summary>
public static class ReportOutcomes
{
    public const string Resolved = "resolved";          // 支持
    public const string Explained = "explained";        // 解释
    public const string NotSupported = "not_supported"; // 不予支持

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Resolved, Explained, NotSupported };
}
