using Coordination.Contracts.Directory;
using Coordination.Directory.Persistence;
using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Directory.Consumers;

/// <summary>A service starting up asks for the whole directory; the answer goes out through the outbox.</summary>
public sealed class UnitDirectoryRequestedConsumer(InboxProcessor<DirectoryDb> inbox, UnitDirectoryPublisher directory) : IConsumer<UnitDirectoryRequested>
{
    public Task Consume(ConsumeContext<UnitDirectoryRequested> context) =>
        inbox.ApplyOnceAsync(context, nameof(UnitDirectoryRequestedConsumer), (db, ct) => directory.PublishAsync(ct));
}
