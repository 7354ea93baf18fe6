using Coordination.Contracts.Intake;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>A case's number and region, by which its timeline is scoped to a jurisdiction; accepted or not.</summary>
public sealed class CaseScopeProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionNotAccepted) };

    public Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        switch (e.Message)
        {
            case PetitionRegistered m:
                db.CaseScopes.Add(new CaseScope { CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode });
                break;
            case PetitionNotAccepted m:
                db.CaseScopes.Add(new CaseScope { CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode });
                break;
        }
        return Task.CompletedTask;
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.CaseScopes.ExecuteDeleteAsync(ct);
}
