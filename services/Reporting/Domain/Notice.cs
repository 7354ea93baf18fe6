namespace Coordination.Reporting.Domain;

/// <summary>What an event tells whom: a unit (UnitCode), or the committees over the case's region (UnitCode null).</summary>
public sealed record Notice(string Kind, string? UnitCode, Guid? SubjectId, string Summary)
{
    public bool ForCommittees => UnitCode is null;
}
