namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// Thrown by a consumer that knows the message can never succeed: it skips the retries and the delayed
/// redelivery and goes to &lt;queue&gt;_error at once.
/// </summary>
public sealed class PermanentFailureException(string message, Exception? innerException = null) : Exception(message, innerException);
