namespace Coordination.Assignment.Domain;

public static class AssignmentKinds
{
    /// <summary>交办: the unit must report back.</summary>
    public const string Assignment = "assignment";
    /// <summary>转送: the unit tells the petitioner; no report back.</summary>
    public const string Transfer = "transfer";
}
