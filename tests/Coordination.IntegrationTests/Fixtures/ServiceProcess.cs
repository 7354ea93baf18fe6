using System.Diagnostics;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>A service run as its own process in Production, with the run's settings changed by the test, until it exits.</summary>
public static class ServiceProcess
{
    public static async Task<(int ExitCode, List<string> Stderr)> RunUntilExitAsync(SystemFixture system, string service, string database,
        Action<Dictionary<string, string?>> change, TimeSpan limit)
    {
        var settings = system.SettingsFor(database, FreePort.Next(), FreePort.Next());
        change(settings);
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, $"Coordination.{service}.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {service}");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{service} was still running after {limit}");
        }
        return (process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
    }
}
