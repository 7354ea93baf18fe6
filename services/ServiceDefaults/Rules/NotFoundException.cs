namespace Coordination.ServiceDefaults.Rules;

/// <summary>Missing, or outside the caller's scope (so that case numbers don't leak): NotFound either way.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} not found");
