namespace Coordination.Contracts;

/// <summary>How a passed time limit stopped being overdue (the "How" of the Cleared rungs): wire values.</summary>
public static class DeadlineClearings
{
    /// <summary>The step was done, late.</summary>
    public const string Met = "met";
    /// <summary>An approved extension moved the limit.</summary>
    public const string Extended = "extended";
}
