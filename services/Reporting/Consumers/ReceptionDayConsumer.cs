using Coordination.Contracts.Intake;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Reporting.Consumers;

/// <summary>Reception days are not case events: they go to the event log and the compliance read model only.</summary>
public sealed class ReceptionDayConsumer(InboxProcessor<ReportingDb> inbox) : IConsumer<ReceptionDayHeld>
{
    public Task Consume(ConsumeContext<ReceptionDayHeld> context) =>
        inbox.ApplyOnceAsync(context, nameof(ReceptionDayConsumer), (db, ct) =>
            EventLog.RecordAsync(db, context.MessageId!.Value, context.Message, Guid.Empty, context.Message.OccurredAt, ct));
}
