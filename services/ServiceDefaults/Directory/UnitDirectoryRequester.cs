using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// At start (the bus and this service's queues are up by then) asks the Directory for every unit, and asks again
/// every 15 seconds while this service knows none: a service that started after the units were registered, or
/// before the Directory, still learns them all. Also loads the deactivated people before the first request.
/// </summary>
public sealed class UnitDirectoryRequester(IServiceScopeFactory scopes, IBus bus, DeactivatedPeople people, TimeProvider clock,
    ServiceName service, ILogger<UnitDirectoryRequester> log) : BackgroundService
{
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await people.ReloadAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bus.Publish(new UnitDirectoryRequested { Service = service.Value, OccurredAt = clock.GetUtcNow() }, stoppingToken);
                await Task.Delay(Again, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().KnownUnits.AnyAsync(stoppingToken)) return;
                log.LogWarning("no directory units known yet; asking the Directory again");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "could not ask the Directory for its units; trying again");
                await Task.Delay(Again, stoppingToken);
            }
        }
    }
}

/// <summary>The service's name (intake, assignment, …), for messages that say who sent them.</summary>
public sealed record ServiceName(string Value);
