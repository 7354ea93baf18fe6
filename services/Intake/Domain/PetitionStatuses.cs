namespace Coordination.Intake.Domain;

public static class PetitionStatuses
{
    public const string Registered = "registered";
    public const string Assigned = "assigned";
    public const string Acknowledged = "acknowledged";
    public const string Repeat = "repeat";
    public const string NotAccepted = "not_accepted";
    public const string Closed = "closed";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Registered, Assigned, Acknowledged, Repeat, NotAccepted, Closed };
}
