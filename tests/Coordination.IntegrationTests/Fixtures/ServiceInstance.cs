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

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
