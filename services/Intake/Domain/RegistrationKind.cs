namespace Coordination.Intake.Domain;

/// <summary>What a registration becomes.</summary>
public enum RegistrationKind
{
    /// <summary>A case of its own.</summary>
    NewCase,
    /// <summary>Linked to the earlier case of the same people on the same matter.</summary>
    Repeat,
    /// <summary>越级: the same matter raised higher while pending below; numbered, not accepted.</summary>
    SkipLevel,
    /// <summary>终结: the same matter closed after re-review; numbered, not accepted.</summary>
    Final,
}
