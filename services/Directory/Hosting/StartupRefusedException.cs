namespace Coordination.Directory.Hosting;

/// <summary>A configuration the Directory will not start with; Program prints its one-line reason and exits non-zero.</summary>
public sealed class StartupRefusedException(string reason) : Exception(reason);
