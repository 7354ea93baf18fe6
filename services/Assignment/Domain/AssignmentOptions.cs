namespace Coordination.Assignment.Domain;

/// <summary>Time limits of the rule set in force (DOMAIN.md); configuration, never constants in code.</summary>
public sealed class AssignmentOptions
{
    /// <summary>签收 within 3 working days (local practice; configurable).</summary>
    public int AcknowledgeWorkingDays { get; set; } = 3;
    /// <summary>Public holidays (yyyy-MM-dd) that do not count as working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];
}
