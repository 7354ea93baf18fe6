namespace Coordination.Intake.Domain;

/// <summary>How a registration ended: a new case, a repeat linked to an earlier case, or not accepted.</summary>
public static class Outcomes
{
    public const string Registered = "registered";
    public const string Repeat = "repeat";
    public const string NotAccepted = "not_accepted";
}
