using System.Diagnostics;
using System.Text;
using Coordination.IntegrationTests.Fixtures;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Least privilege on the bus (scripts/rabbit-provision.py, run by ./run.sh): each service's RabbitMQ user may publish
/// only its own events and read only its own queues, so a leaked service password cannot forge another service's
/// CaseAssigned or CaseClosed, nor take another's messages.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_services_use_the_bus(SystemFixture system)
{
    [Fact]
    public async Task A_services_user_publishes_its_own_events_and_nothing_of_another_service()
    {
        var vhost = $"{system.RunId}-least-privilege";
        var prefix = $"{system.RunId}-";
        var password = Guid.NewGuid().ToString("N");
        await system.Infra.CreateVirtualHostAsync(vhost);
        try
        {
            await ProvisionAsync(vhost, prefix, password);
            var factory = new ConnectionFactory
            {
                HostName = system.Infra.RabbitHost, Port = system.Infra.RabbitPort, VirtualHost = vhost,
                UserName = prefix + "intake", Password = password,
            };
            await using var connection = await factory.CreateConnectionAsync();

            // Its own event: accepted, and it reaches the subscriber queues provisioned up front.
            await PublishAsync(connection, "Coordination.Contracts.Intake:PetitionRegistered");

            // Another service's events, another service's queue: refused by the broker.
            foreach (var foreign in new[] { "Coordination.Contracts.Assignment:CaseAssigned", "Coordination.Contracts.Assignment:CaseClosed",
                         "assignment-petition-registered" })
                Assert.Equal((ushort)403, (await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => PublishAsync(connection, foreign)))
                    .ShutdownReason?.ReplyCode);
            await using (var channel = await connection.CreateChannelAsync())
            {
                var consume = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() =>
                    channel.BasicConsumeAsync("assignment-petition-registered", autoAck: true, new AsyncEventingBasicConsumer(channel)));
                Assert.Equal((ushort)403, consume.ShutdownReason?.ReplyCode);
            }
            await using (var channel = await connection.CreateChannelAsync())
            {
                var delete = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.QueueDeleteAsync("reporting-timeline"));
                Assert.Equal((ushort)403, delete.ShutdownReason?.ReplyCode);
            }
        }
        finally
        {
            await system.Infra.DeleteVirtualHostAsync(vhost);
            using var http = system.Infra.RabbitManagement();
            foreach (var service in new[] { "intake", "assignment", "legal-diversion", "joint-meeting", "reporting", "directory" })
                await http.DeleteAsync($"users/{Uri.EscapeDataString(prefix + service)}");
        }
    }

    private static async Task PublishAsync(IConnection connection, string exchange)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, "", mandatory: true, new BasicProperties(), Encoding.UTF8.GetBytes("{}"));
    }

    private async Task ProvisionAsync(string vhost, string prefix, string password)
    {
        var start = new ProcessStartInfo("python3", [Checkout.Path("scripts", "rabbit-provision.py"), "--vhost", vhost])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            Environment =
            {
                ["RABBITMQ_MGMT_PORT"] = system.Infra.RabbitManagementPort.ToString(),
                ["RABBITMQ_ADMIN_USER"] = system.Infra.RabbitUser, ["RABBITMQ_ADMIN_PASSWORD"] = system.Infra.RabbitPassword,
                ["RABBITMQ_USER_PREFIX"] = prefix,
            },
        };
        foreach (var service in new[] { "INTAKE", "ASSIGNMENT", "LEGAL_DIVERSION", "JOINT_MEETING", "REPORTING", "DIRECTORY" })
            start.Environment["RABBITMQ_PASSWORD_" + service] = password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbit-provision.py exited {process.ExitCode}: {await error}");
    }
}
