namespace Coordination.IntegrationTests.Fixtures;

/// <summary>The repository checkout the tests run from (the directory holding Coordination.sln above the test binaries).</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    /// <summary>A path inside the checkout, e.g. Path("scripts", "backup.sh").</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Coordination.sln"))) return dir.FullName;
        throw new FileNotFoundException("no Coordination.sln above " + AppContext.BaseDirectory);
    }
}
