using Coordination.Contracts.Assignment;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Consumers;

/// <summary>
/// Keeps the petition's status and the units it was handed to, as Assignment reports them: the petitioner's
/// status view and a department's right to read the petition both depend on it.
/// </summary>
public sealed class AssignmentProgressConsumer(InboxProcessor<IntakeDb> inbox)
    : IConsumer<CaseAssigned>, IConsumer<AssignmentAcknowledged>, IConsumer<CaseClosed>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) =>
        inbox.ApplyOnceAsync(context, nameof(AssignmentProgressConsumer), async (db, ct) =>
        {
            var petition = await db.Petitions.FirstOrDefaultAsync(p => p.Id == context.Message.CaseId, ct)
                ?? throw new InvalidOperationException($"CaseAssigned for unknown case {context.Message.CaseId}");
            petition.RecordAssignment(context.Message.UnitCode);
        });

    public Task Consume(ConsumeContext<AssignmentAcknowledged> context) =>
        inbox.ApplyOnceAsync(context, nameof(AssignmentProgressConsumer), async (db, ct) =>
        {
            var petition = await db.Petitions.FirstOrDefaultAsync(p => p.Id == context.Message.CaseId, ct)
                ?? throw new InvalidOperationException($"AssignmentAcknowledged for unknown case {context.Message.CaseId}");
            petition.RecordAcknowledgement(context.Message.UnitCode);
        });

    public Task Consume(ConsumeContext<CaseClosed> context) =>
        inbox.ApplyOnceAsync(context, nameof(AssignmentProgressConsumer), async (db, ct) =>
        {
            var petition = await db.Petitions.FirstOrDefaultAsync(p => p.Id == context.Message.CaseId, ct)
                ?? throw new InvalidOperationException($"CaseClosed for unknown case {context.Message.CaseId}");
            petition.RecordClosure(context.Message.Outcome, context.Message.Final);
        });
}
