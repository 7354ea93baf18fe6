using Coordination.Contracts.Assignment;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Workflow;

/// <summary>
/// Keeps the petition's status and the units it was handed to, as Assignment reports them: the petitioner's status
/// view and a department's right to read the petition both depend on it. Each message is applied once (inbox), in a
/// transaction shared with the progress reports consumed at the same moment (GroupCommit).
/// </summary>
public sealed class AssignmentProgress(GroupCommit<IntakeDb> commits)
{
    /// <summary>The inbox records applied messages under this name; it was the consumer's name, so it stays.</summary>
    public const string InboxName = "AssignmentProgressConsumer";

    public Task RecordAssignmentAsync(ConsumeContext<CaseAssigned> context) =>
        OnPetitionAsync(context, context.Message.CaseId, p => p.RecordAssignment(context.Message.UnitCode));

    public Task RecordAcknowledgementAsync(ConsumeContext<AssignmentAcknowledged> context) =>
        OnPetitionAsync(context, context.Message.CaseId, p => p.RecordAcknowledgement(context.Message.UnitCode));

    public Task RecordReturnAsync(ConsumeContext<AssignmentReturned> context) =>
        OnPetitionAsync(context, context.Message.CaseId, p => p.RecordReturn(context.Message.UnitCode));

    public Task RecordClosureAsync(ConsumeContext<CaseClosed> context) =>
        OnPetitionAsync(context, context.Message.CaseId, p => p.RecordClosure(context.Message.Outcome, context.Message.Final));

    /// <summary>An event for a case Intake never registered is a fault: it goes to retries and then the error queue.</summary>
    private Task OnPetitionAsync<T>(ConsumeContext<T> context, Guid caseId, Action<Petition> change) where T : class =>
        commits.ApplyOnceAsync(context.MessageId ?? throw new InvalidOperationException("a message without a MessageId cannot be de-duplicated"),
            InboxName, async (db, ct) =>
        {
            // A return and the next hand-over arrive together: each changes the assigned units, so one waits for the other
            // (locked and read in one statement).
            var petition = await db.Petitions.FromSql($"SELECT * FROM petitions WHERE \"Id\" = {caseId} FOR UPDATE").FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"{typeof(T).Name} for unknown case {caseId}");
            change(petition);
        }, null, context.CancellationToken);
}
