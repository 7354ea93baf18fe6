namespace Coordination.ServiceDefaults.Rules;

/// <summary>
/// A broken domain rule (an illegal state transition), named by <see cref="Rule"/>. The domain knows nothing of the
/// transport: the gRPC edge answers FailedPrecondition, a consumer parks the message (it can never succeed).
/// </summary>
public sealed class DomainRuleException(string rule, string message) : Exception(message)
{
    /// <summary>The rule's name, e.g. "AssignmentAlreadyAcknowledged".</summary>
    public string Rule { get; } = rule;
}
