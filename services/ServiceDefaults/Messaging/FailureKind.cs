namespace Coordination.ServiceDefaults.Messaging;

/// <summary>What one exception in a cause chain says about trying again.</summary>
public enum FailureKind
{
    /// <summary>Says nothing; look at its inner exception.</summary>
    Unknown,
    /// <summary>The same message fails the same way every time (bad data, a broken invariant, a schema mistake).</summary>
    Permanent,
    /// <summary>Infrastructure that is down or slow (PostgreSQL, Redis, RabbitMQ, the network): wait and try again.</summary>
    Infrastructure,
    /// <summary>Not infrastructure, but a second attempt sees other state (a lost race, a serialization conflict).</summary>
    Retryable,
}
