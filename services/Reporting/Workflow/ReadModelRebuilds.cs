using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Runs rebuilds of the read models in the background, one at a time per replica, and keeps the last few for their
/// progress. Starting while one runs answers with the running one; a stopping service cancels it (its transaction
/// rolls back, the read models stay as they were).
/// </summary>
public sealed class ReadModelRebuilds(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReadModelRebuilds> log)
{
    private const int Kept = 20;
    private readonly Lock _gate = new();
    private readonly List<RebuildProgress> _rebuilds = [];

    public RebuildProgress Start(string requestedBy)
    {
        lock (_gate)
        {
            if (_rebuilds.FirstOrDefault(r => r.State == RebuildProgress.Running) is { } running) return running;
            var rebuild = new RebuildProgress(Guid.NewGuid(), requestedBy, clock.GetUtcNow());
            _rebuilds.Insert(0, rebuild);
            if (_rebuilds.Count > Kept) _rebuilds.RemoveAt(_rebuilds.Count - 1);
            _ = Task.Run(() => RunAsync(rebuild));
            return rebuild;
        }
    }

    public RebuildProgress? Find(Guid id)
    {
        lock (_gate) return _rebuilds.FirstOrDefault(r => r.Id == id);
    }

    private async Task RunAsync(RebuildProgress rebuild)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var replayed = await scope.ServiceProvider.GetRequiredService<ReadModelRebuild>().RebuildAsync(lifetime.ApplicationStopping, rebuild);
            rebuild.Complete(clock.GetUtcNow());
            log.LogInformation("Read models rebuilt from {Events} events (rebuild {Id}, asked by {Who})", replayed, rebuild.Id, rebuild.RequestedBy);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Rebuild {Id} of the read models failed", rebuild.Id);
            rebuild.Fail(ex is OperationCanceledException ? "the service stopped" : "the rebuild failed; the read models are as they were", clock.GetUtcNow());
        }
    }
}
