using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Reporting;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>Reporting's early warnings kept once each, for the bureau to open a major event from.</summary>
public sealed class EarlyWarnings(InboxProcessor<AssignmentDb> inbox)
{
    public Task RecordAsync(ConsumeContext<EarlyWarningRaised> context) =>
        inbox.ApplyOnceAsync(context, "EarlyWarningConsumer", async (db, ct) =>
        {
            var w = context.Message;
            if (await db.EarlyWarnings.AnyAsync(x => x.Id == w.WarningId, ct)) return;
            db.EarlyWarnings.Add(new EarlyWarning
            {
                Id = w.WarningId, Kind = w.Kind, RegionCode = w.RegionCode, Subject = w.Subject, Evidence = w.Evidence, CaseId = w.CaseId, RaisedAt = w.OccurredAt,
            });
        });
}
