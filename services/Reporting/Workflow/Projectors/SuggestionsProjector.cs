using Coordination.Contracts.Assignment;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>People's suggestions received, evaluated and commended (§18), for the report of suggestions by region and topic.</summary>
public sealed class SuggestionsProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type> { typeof(SuggestionReceived), typeof(SuggestionEvaluated), typeof(SuggestionCommended) };

    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        var fact = db.SuggestionFacts.Local.FirstOrDefault(f => f.CaseId == e.CaseId)
            ?? await db.SuggestionFacts.FirstOrDefaultAsync(f => f.CaseId == e.CaseId, ct);
        if (fact is null) db.SuggestionFacts.Add(fact = new SuggestionFact { CaseId = e.CaseId });
        switch (e.Message)
        {
            case SuggestionReceived m:
                (fact.RegionCode, fact.Topic, fact.ReceivedAt) = (m.RegionCode, m.Topic, m.OccurredAt);
                break;
            case SuggestionEvaluated m:
                fact.Outcome = m.Outcome;
                break;
            case SuggestionCommended:
                fact.Commended = true;
                break;
        }
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.SuggestionFacts.ExecuteDeleteAsync(ct);
}
