using System.Diagnostics;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Runs the shipped command-line client (tools/coord's build) against this run's infrastructure.</summary>
public static class CoordCli
{
    public static Task<string> RunAsync(SystemFixture system, params string[] args) => RunAsync(system, new Dictionary<string, string>(), args);

    /// <summary>With the services' addresses (COORD_ASSIGNMENT …) in <paramref name="environment"/>.</summary>
    public static async Task<string> RunAsync(SystemFixture system, IDictionary<string, string> environment, params string[] args)
    {
        var (code, output, error) = await RunRawAsync(system, environment, args);
        Assert.True(code == 0, $"coord {string.Join(' ', args)} exited {code}: {error}");
        return output;
    }

    /// <summary>Its exit code and both outputs, whatever it ended with.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunRawAsync(SystemFixture system, IDictionary<string, string> environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Dll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--vhost");
        start.ArgumentList.Add(system.RunId);
        start.Environment["COORD_RABBIT"] = $"http://{system.Infra.RabbitHost}:{system.Infra.RabbitManagementPort}/";
        start.Environment["COORD_RABBIT_USER"] = system.Infra.RabbitUser;
        start.Environment["COORD_RABBIT_PASSWORD"] = system.Infra.RabbitPassword;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start coord");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The client as tools/coord runs it, built with the solution in the same configuration as the tests.</summary>
    private static string Dll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/") ? "Debug" : "Release";
        return Checkout.Path("tools", "Coordination.Cli", "bin", configuration, "net10.0", "coord.dll");
    }
}
