namespace Coordination.ServiceDefaults.Grpc;

/// <summary>An illegal state transition; reaches the caller as FailedPrecondition and changes nothing.</summary>
public sealed class DomainRuleException(string rule, string message) : Exception(message)
{
    /// <summary>The rule's name, e.g. "AssignmentAlreadyAcknowledged".</summary>
    public string Rule { get; } = rule;
}
