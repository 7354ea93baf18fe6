using Coordination.Directory;
using Coordination.Directory.Hosting;

try
{
    await DirectoryService.RunAsync(args);
    return 0;
}
catch (StartupRefusedException refused)
{
    // One line an operator can act on, not a stack trace.
    Console.Error.WriteLine($"directory: {refused.Message}");
    return 1;
}
