namespace Coordination.Intake.Domain;

/// <summary>Who receives a petition: the first receiver's unit (首问负责, §2), the clerk, and the level it is raised at.</summary>
public sealed record Receiver(string Unit, string Clerk, int Level)
{
    public static Receiver Of(string unit, string clerk, string clerkRegion) => new(unit, clerk, RegionLevels.Of(clerkRegion));
}
