using System.Reflection;
using System.Text.Json;
using Coordination.Contracts.Topology;
using Coordination.Reporting.Consumers.Queues;
using Coordination.Reporting.Workflow;
using Coordination.ServiceDefaults.Directory;
using MassTransit;

namespace Coordination.UnitTests;

/// <summary>
/// The subscriptions publishers declare (contracts/…/Topology/subscriptions.json) are the queues the services' consumers
/// read, with the same event types: a consumer added without its line would again miss what is published before it
/// first starts.
/// </summary>
public sealed class SubscriptionsTests
{
    private static readonly (string Service, Assembly Assembly)[] Services =
    [
        (Coordination.Intake.IntakeService.Name, typeof(Coordination.Intake.IntakeService).Assembly),
        (Coordination.Assignment.AssignmentService.Name, typeof(Coordination.Assignment.AssignmentService).Assembly),
        (Coordination.LegalDiversion.LegalDiversionService.Name, typeof(Coordination.LegalDiversion.LegalDiversionService).Assembly),
        (Coordination.JointMeeting.JointMeetingService.Name, typeof(Coordination.JointMeeting.JointMeetingService).Assembly),
        (Coordination.Directory.DirectoryService.Name, typeof(Coordination.Directory.DirectoryService).Assembly),
    ];

    [Fact]
    public void The_declared_subscriptions_are_the_consumers_queues()
    {
        var expected = ConsumerQueues().OrderBy(s => s.Queue, StringComparer.Ordinal).ToList();
        var json = JsonSerializer.Serialize(expected, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        var actual = Subscriptions.All.Select(s => s with { MessageTypes = s.MessageTypes.Order(StringComparer.Ordinal).ToList() })
            .OrderBy(s => s.Queue, StringComparer.Ordinal).ToList();
        var same = actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.Queue == p.Second.Queue
            && p.First.MessageTypes.SequenceEqual(p.Second.MessageTypes));
        if (!same)
        {
            var path = Path.Combine(Path.GetTempPath(), "subscriptions.json");
            File.WriteAllText(path, json + "\n");
            Assert.Fail($"contracts/Coordination.Contracts/Topology/subscriptions.json is out of date: the consumers' queues are in {path}");
        }
    }

    [Fact]
    public void Every_subscribed_event_is_a_contract() =>
        Assert.All(Subscriptions.MessageTypes, t => Assert.StartsWith("Coordination.Contracts.", t.FullName));

    private static IEnumerable<Subscription> ConsumerQueues()
    {
        foreach (var (service, assembly) in Services)
        {
            var formatter = new KebabCaseEndpointNameFormatter(service, false);
            var consumers = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && Events(t).Any()).Append(typeof(DirectoryReplicaConsumer));
            foreach (var consumer in consumers)
                yield return new Subscription(QueueOf(formatter, consumer), Events(consumer).Select(e => e.FullName!).Order(StringComparer.Ordinal).ToList());
        }
        var reporting = new KebabCaseEndpointNameFormatter(Coordination.Reporting.ReportingService.Name, false);
        foreach (var queue in ReadModels.All.EventTypes.GroupBy(e => ReportingQueue.Of(e).EndpointName(reporting)))
            yield return new Subscription(queue.Key, queue.Select(e => e.FullName!).Order(StringComparer.Ordinal).ToList());
        yield return new Subscription(QueueOf(reporting, typeof(DirectoryReplicaConsumer)),
            Events(typeof(DirectoryReplicaConsumer)).Select(e => e.FullName!).Order(StringComparer.Ordinal).ToList());
    }

    private static string QueueOf(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(formatter, null)!;

    private static IEnumerable<Type> Events(Type consumer) => consumer.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)).Select(i => i.GetGenericArguments()[0]);
}
