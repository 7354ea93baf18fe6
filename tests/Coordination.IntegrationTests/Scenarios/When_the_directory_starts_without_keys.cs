using System.Diagnostics;
using Coordination.Directory;

namespace Coordination.IntegrationTests.Scenarios;

public sealed class When_the_directory_starts_without_keys
{
    [Fact]
    public async Task It_exits_at_once_with_a_one_line_reason()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(DirectoryService).Assembly.Location])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Directory__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("directory: no signing key: set Directory__SigningKey or Directory__SigningKeyPath", Assert.Single(lines));
    }
}
