using Npgsql;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// A service's database refusing connections, as during a PostgreSQL restart: new connections are refused and
/// open ones are ended. Disposing lets connections in again (also when a test fails halfway).
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _database;
    private bool _over;

    private DatabaseOutage(string server, string database) => (_server, _database) = (server, database);

    public static async Task<DatabaseOutage> BeginAsync(ServiceInstance instance)
    {
        var database = new NpgsqlConnectionStringBuilder(instance.ConnectionString).Database!;
        var outage = new DatabaseOutage(new NpgsqlConnectionStringBuilder(instance.ConnectionString) { Database = "postgres" }.ConnectionString, database);
        await outage.ExecuteAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await outage.ExecuteAsync("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", database);
        return outage;
    }

    public async Task EndAsync()
    {
        if (_over) return;
        _over = true;
        await ExecuteAsync($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS true");
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => new(EndAsync());
}
