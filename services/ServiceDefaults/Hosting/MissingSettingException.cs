namespace Coordination.ServiceDefaults.Hosting;

/// <summary>
/// A setting that has no safe default outside Development (a key, a pepper, the token issuer) is missing: the
/// service stops at start with this one-line reason instead of running on a value everyone can read.
/// </summary>
public sealed class MissingSettingException(string reason) : StartupRefusedException(reason);
