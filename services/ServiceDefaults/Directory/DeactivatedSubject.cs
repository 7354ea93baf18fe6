namespace Coordination.ServiceDefaults.Directory;

/// <summary>A deactivated person (table directory_deactivated_people): tokens issued to them until then are refused.</summary>
public sealed class DeactivatedSubject
{
    public required string Subject { get; set; }
    public DateTimeOffset DeactivatedAt { get; set; }
}
