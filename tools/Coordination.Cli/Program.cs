using Coordination.Cli;
using Grpc.Core;

try
{
    return await Commands.RunAsync(args);
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"coord: {ex.Message}");
    Console.Error.WriteLine(Commands.Usage);
    return 2;
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"coord: {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
