using System.Collections.Concurrent;
using Coordination.IntegrationTests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coordination.IntegrationTests.Authorization;

/// <summary>
/// What the six services hold and what they published: a digest of every table of each database (inbox and outbox aside: the
/// messages a service publishes are counted on its bus instead, since the relay empties the outbox). Equal before and after
/// a refused call means the call changed nothing.
/// </summary>
public sealed class SystemFingerprint : IDisposable
{
    private static readonly string[] Skipped = ["inbox_messages", "outbox_messages", "__EFMigrationsHistory"];
    private readonly ServiceInstance[] _services;
    private readonly ConcurrentDictionary<string, int> _published = new();
    private readonly List<ConnectHandle> _handles = [];

    public SystemFingerprint(SystemFixture system)
    {
        _services = [system.Directory, system.Intake, system.Assignment, system.LegalDiversion, system.JointMeeting, system.Reporting];
        foreach (var service in _services)
            _handles.Add(service.App.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Counter(service.Name, _published)));
    }

    /// <summary>Per service: its tables' digest and how many messages it has published.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        var taken = new Dictionary<string, string>();
        foreach (var service in _services)
        {
            await using var connection = new NpgsqlConnection(service.ConnectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
                connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            var digest = string.Join(" || ", tables.Where(t => !Skipped.Contains(t))
                .Select(t => $"(SELECT '{t}:' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM \"{t}\" x)"));
            await using var command = new NpgsqlCommand($"SELECT {digest}", connection);
            taken[service.Name] = $"{await command.ExecuteScalarAsync()} published:{_published.GetValueOrDefault(service.Name)}";
        }
        return taken;
    }

    /// <summary>Waits until nothing changes for a while: every event of the world's making has been consumed everywhere.</summary>
    public async Task QuietAsync()
    {
        var last = await TakeAsync();
        var until = DateTime.UtcNow.AddSeconds(60);
        for (var stable = 0; stable < 3;)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the services did not settle within 60 s");
            await Task.Delay(700);
            var now = await TakeAsync();
            stable = now.SequenceEqual(last) ? stable + 1 : 0;
            last = now;
        }
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Where(b => after[b.Key] != b.Value).Select(b => b.Key);

    public void Dispose()
    {
        foreach (var handle in _handles) handle.Dispose();
    }

    private sealed class Counter(string service, ConcurrentDictionary<string, int> counts) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            counts.AddOrUpdate(service, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
