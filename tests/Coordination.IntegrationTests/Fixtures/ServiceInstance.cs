using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>One service running in this process on real ports, with its own database.</summary>
public sealed class ServiceInstance(string name, WebApplication app, int grpcPort, int httpPort, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public WebApplication App { get; } = app;
    public int GrpcPort { get; } = grpcPort;
    public int HttpPort { get; } = httpPort;
    public string ConnectionString { get; } = connectionString;
    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    private bool _stopped;

    /// <summary>Runs a scalar query against this service's own database (tests only: services never do this).</summary>
    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of the first row, or default when there is none.</summary>
    public async Task<T?> ValueAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    /// <summary>The version of the working calendar this instance's database holds.</summary>
    public async Task<int> CalendarVersionAsync() => await ValueAsync<int>("SELECT version FROM working_calendar");

    /// <summary>Directory units this instance's database holds (its copy of the directory).</summary>
    public Task<long> KnownUnitsAsync() => CountAsync("SELECT count(*) FROM directory_units");

    /// <summary>
    /// Gives an instance on a virtual host without a Directory (the clock worlds) the units another instance learned
    /// from the run's Directory, as the events would have.
    /// </summary>
    public async Task CopyDirectoryFromAsync(ServiceInstance source)
    {
        await using var from = new NpgsqlConnection(source.ConnectionString);
        await from.OpenAsync();
        await using var to = new NpgsqlConnection(ConnectionString);
        await to.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT code, name, kind, region_code, parent_code, active, version FROM directory_units", from);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            await using var write = new NpgsqlCommand(
                "INSERT INTO directory_units (code, name, kind, region_code, parent_code, active, version) VALUES ($1, $2, $3, $4, $5, $6, $7) " +
                "ON CONFLICT (code) DO NOTHING", to);
            for (var i = 0; i < 7; i++) write.Parameters.AddWithValue(reader.GetValue(i));
            await write.ExecuteNonQueryAsync();
        }
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        // Npgsql's pools outlive the host: a stopped instance's idle connections would hold server slots until they
        // time out, and a run starts and stops dozens of instances.
        NpgsqlConnection.ClearAllPools();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
