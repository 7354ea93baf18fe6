using Coordination.Cli;
using Coordination.Cli.Oidc;
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
catch (SignInRequiredException ex)
{
    Console.Error.WriteLine($"coord: {ex.Message}");
    return 1;
}
catch (OidcException ex) // invalid_grant and friends: the Directory's own words say why (wrong password, locked, deactivated)
{
    Console.Error.WriteLine($"coord: sign-in failed: {ex.Message}");
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"coord: cannot reach the Directory: {ex.Message}");
    return 1;
}
catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
{
    Console.Error.WriteLine("coord: the Directory did not answer within 30 seconds");
    return 1;
}
