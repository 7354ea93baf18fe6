namespace Coordination.ServiceDefaults.Hosting;

/// <summary>The service cannot start as configured; it says why in one line (ServiceApp.RunAsync) and exits with 2.</summary>
public class StartupRefusedException(string reason) : Exception(reason);
