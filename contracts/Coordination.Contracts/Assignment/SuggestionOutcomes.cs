namespace Coordination.Contracts.Assignment;

/// <summary>How the competent department judged a people's suggestion (人民建议, §18): wire values.</summary>
public static class SuggestionOutcomes
{
    public const string Adopted = "adopted";              // 采纳
    public const string PartlyAdopted = "partly_adopted"; // 部分采纳
    public const string NotAdopted = "not_adopted";       // 不予采纳

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Adopted, PartlyAdopted, NotAdopted };

    /// <summary>Only an adopted suggestion, whole or in part, may be commended (§18: 有价值的人民建议).</summary>
    public static bool Commendable(string? outcome) => outcome is Adopted or PartlyAdopted;
}
