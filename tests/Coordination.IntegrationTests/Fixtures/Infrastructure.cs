using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// RabbitMQ, PostgreSQL and Redis for the tests: containers when a Docker engine answers, otherwise the
/// services that scripts/infra.sh started, named by the same environment variables the services read
/// (ConnectionStrings__Postgres, RabbitMq__*, Redis__Configuration). COORDINATION_INFRA=local skips the
/// Docker probe. No test is skipped for want of Docker.
/// </summary>
public sealed class Infrastructure : IAsyncDisposable
{
    public const string Containers = "containers", Local = "local";

    private readonly List<IAsyncDisposable> _containers = [];

    public string Mode { get; private set; } = Local;
    public string PostgresServer { get; private set; } = "";
    public string RabbitHost { get; private set; } = "127.0.0.1";
    public int RabbitPort { get; private set; }
    public int RabbitManagementPort { get; private set; }
    public string RabbitUser { get; private set; } = "";
    public string RabbitPassword { get; private set; } = "";
    public string Redis { get; private set; } = "";
    /// <summary>Why containers were not used, when they were not.</summary>
    public string? DockerProbe { get; private set; }

    public static async Task<Infrastructure> StartAsync()
    {
        var infra = new Infrastructure();
        if (Environment.GetEnvironmentVariable("COORDINATION_INFRA") == Local || !await infra.TryContainersAsync())
            infra.UseLocal();
        return infra;
    }

    private async Task<bool> TryContainersAsync()
    {
        PostgreSqlContainer postgres;
        try
        {
            postgres = new PostgreSqlBuilder("postgres:15").Build();
        }
        catch (DockerUnavailableException ex)
        {
            DockerProbe = ex.Message;
            return false;
        }
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
        var redis = new RedisBuilder("redis:7").Build();
        _containers.AddRange([postgres, rabbit, redis]);
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync(), redis.StartAsync());
        Mode = Containers;
        PostgresServer = new NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = null }.ConnectionString;
        var amqp = new Uri(rabbit.GetConnectionString());
        RabbitHost = amqp.Host;
        RabbitPort = amqp.Port;
        RabbitManagementPort = rabbit.GetMappedPublicPort(15672);
        var userInfo = Uri.UnescapeDataString(amqp.UserInfo).Split(':');
        (RabbitUser, RabbitPassword) = (userInfo[0], userInfo[1]);
        Redis = redis.GetConnectionString();
        return true;
    }

    private void UseLocal()
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        Mode = Local;
        PostgresServer = Env("ConnectionStrings__Postgres", "Host=127.0.0.1;Port=5432;Username=coordination;Password=coordination");
        RabbitHost = Env("RabbitMq__Host", "127.0.0.1");
        RabbitPort = int.Parse(Env("RabbitMq__Port", "5672"));
        RabbitManagementPort = int.Parse(Env("RabbitMq__ManagementPort", "15672"));
        RabbitUser = Env("RabbitMq__Username", "coordination");
        RabbitPassword = Env("RabbitMq__Password", "coordination");
        Redis = Env("Redis__Configuration", "127.0.0.1:6379");
    }

    /// <summary>The RabbitMQ management API, for per-fixture virtual hosts and queue inspection.</summary>
    public HttpClient RabbitManagement()
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://{RabbitHost}:{RabbitManagementPort}/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitUser}:{RabbitPassword}")));
        return http;
    }

    /// <summary>A fresh virtual host, so that queues and messages of one fixture never meet another's.</summary>
    public async Task CreateVirtualHostAsync(string vhost)
    {
        using var http = RabbitManagement();
        (await http.PutAsync($"vhosts/{Uri.EscapeDataString(vhost)}", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(RabbitUser)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string vhost)
    {
        using var http = RabbitManagement();
        await http.DeleteAsync($"vhosts/{Uri.EscapeDataString(vhost)}");
    }

    public async Task DropDatabasesAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", connection))
        {
            list.Parameters.AddWithValue(prefix + "%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            // FORCE ends the sessions still on it, but one opening in the meantime (a pool reconnecting as its host stops)
            // makes the drop fail: said on stderr with PostgreSQL's reason, and tried again (once seen in CI, reason unknown).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (attempt < 3)
                {
                    Console.Error.WriteLine($"[fixture] dropping {name} failed ({ex.SqlState}: {ex.MessageText}); trying again");
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers) await container.DisposeAsync();
    }
}
