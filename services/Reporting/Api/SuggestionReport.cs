using Coordination.Contracts.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Api;

/// <summary>The report of people's suggestions (§18): received in a period, by region and topic, with what became of them.</summary>
public sealed class SuggestionReport(ReportingDb db)
{
    public async Task<GetSuggestionReportResponse> ForAsync(DateTimeOffset from, DateTimeOffset to, string region, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var facts = await db.SuggestionFacts.AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(prefix) && f.ReceivedAt >= from && f.ReceivedAt < to).ToListAsync(ct);
        SuggestionFigures Count(IReadOnlyCollection<Domain.SuggestionFact> group, string regionCode, string topic) => new()
        {
            RegionCode = regionCode, Topic = topic, Received = group.Count, Evaluated = group.Count(f => f.Outcome is not null),
            Adopted = group.Count(f => f.Outcome == SuggestionOutcomes.Adopted), PartlyAdopted = group.Count(f => f.Outcome == SuggestionOutcomes.PartlyAdopted),
            NotAdopted = group.Count(f => f.Outcome == SuggestionOutcomes.NotAdopted), Commended = group.Count(f => f.Commended),
        };
        return new GetSuggestionReportResponse
        {
            Rows =
            {
                facts.GroupBy(f => (f.RegionCode, f.Topic)).OrderBy(g => g.Key.RegionCode, StringComparer.Ordinal).ThenBy(g => g.Key.Topic, StringComparer.Ordinal)
                    .Select(g => Count([.. g], g.Key.RegionCode, g.Key.Topic)),
            },
            Totals = Count(facts, "", ""),
        };
    }
}
