namespace Coordination.Intake.Domain;

/// <summary>One entry of the topic catalogue (data): petitions name a topic by its code.</summary>
public sealed class Topic
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public bool Active { get; init; } = true;
}
