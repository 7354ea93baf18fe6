using Coordination.IntegrationTests.Fixtures;
using Npgsql;
using StackExchange.Redis;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_infrastructure_is_chosen(SystemFixture system)
{
    [Fact]
    public async Task Containers_are_used_when_Docker_answers_and_local_services_otherwise()
    {
        var infra = system.Infra;
        if (Environment.GetEnvironmentVariable("COORDINATION_INFRA") == Infrastructure.Local)
            Assert.Equal(Infrastructure.Local, infra.Mode);
        else if (infra.DockerProbe is null)
            Assert.Equal(Infrastructure.Containers, infra.Mode);
        else
            Assert.Equal(Infrastructure.Local, infra.Mode);

        // Whatever was chosen answers for real.
        await using (var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(infra.PostgresServer) { Database = "postgres" }.ConnectionString))
        {
            await pg.OpenAsync();
            await using var version = new NpgsqlCommand("SHOW server_version", pg);
            Assert.StartsWith("15", (string)(await version.ExecuteScalarAsync())!);
        }
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(infra.Redis))
            Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(1));
        using var http = infra.RabbitManagement();
        Assert.True((await http.GetAsync($"vhosts/{system.RunId}")).IsSuccessStatusCode);
    }
}
