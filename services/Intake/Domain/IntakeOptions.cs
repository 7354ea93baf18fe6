namespace Coordination.Intake.Domain;

/// <summary>Intake's rules as configuration (DOMAIN.md): numbers never live in code.</summary>
public sealed class IntakeOptions
{
    /// <summary>5 or more people on one matter make a collective visit (集体访).</summary>
    public int CollectiveThreshold { get; set; } = 5;
    /// <summary>A collective visit sends at most 5 representatives.</summary>
    public int MaxRepresentatives { get; set; } = 5;
    /// <summary>How long a registered case counts as "recent" for repeat matching.</summary>
    public int RepeatWindowDays { get; set; } = 180;
    /// <summary>Bigram Jaccard similarity from which two texts on one topic are the same matter.</summary>
    public double SameMatterSimilarity { get; set; } = 0.5;
}
