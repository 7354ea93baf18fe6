using Coordination.ServiceDefaults.Telemetry;
using Coordination.Contracts.Intake;
using Coordination.Contracts.Reporting;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Checks each new petition against the rules (PetitionWarningRules) and raises each warning once (unique kind,
/// subject, period), with its evidence, as a row and an EarlyWarningRaised event. It runs after the petitions' fold has
/// committed and without locks: every count includes the petition itself, so of petitions folded at once the last to
/// be checked sees them all, and the unique row lets only one of several that cross a threshold raise the warning. A
/// transaction is opened only when there is something to raise; a warning known to be raised is not asked about again
/// (RaisedWarnings). (Checking inside the fold under a lock per region and topic queued every petition of a topic
/// behind the one before.)
/// </summary>
public sealed class EarlyWarningCheck(ReportingDb db, RaisedWarnings raised, SpikeBaselines baselines, IOptions<EarlyWarningOptions> options,
    CoordinationMetrics metrics) : IAfterCommit
{
    public IReadOnlySet<Type> Follows { get; } = new HashSet<Type> { typeof(PetitionRegistered) };

    public async Task RunAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
            if (e.Message is PetitionRegistered m) await CheckAsync(m, ct);
    }

    private async Task CheckAsync(PetitionRegistered m, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var rules = new PetitionWarningRules(m, options.Value);
        var (region, topic, province) = (m.RegionCode, m.Topic, rules.Province);
        var candidates = new List<EarlyWarningCandidate?>
        {
            await SpikeAsync(rules, "region_spike", region, db.CaseFacts.Where(f => f.RegionCode == region), ct),
            await SpikeAsync(rules, "topic_spike", rules.TopicSubject, db.CaseFacts.Where(f => f.Topic == topic && f.RegionCode.StartsWith(province)), ct),
            rules.CollectiveVisit(),
            rules.DuringSensitivePeriod(),
        };
        if (m.ToBeijing)
        {
            var month = rules.Month;
            candidates.Add(rules.BeijingThreshold(await db.BeijingPetitions.CountAsync(b => b.RegionCode == region && b.Month == month, ct)));
        }
        var fresh = candidates.OfType<EarlyWarningCandidate>().Where(w => !raised.Contains(w.Kind, w.Subject, w.Period)).ToList();
        if (fresh.Count == 0) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = new List<EarlyWarningCandidate>();
        foreach (var warning in fresh)
            if (await RaiseAsync(warning, ct)) inserted.Add(warning);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var warning in fresh) raised.Add(warning.Kind, warning.Subject, warning.Period);
        foreach (var warning in inserted) metrics.WarningRaised(warning.Kind);
    }

    private async Task<EarlyWarningCandidate?> SpikeAsync(PetitionWarningRules rules, string kind, string subject, IQueryable<CaseFact> scope, CancellationToken ct)
    {
        var (day, dayStart, baselineStart) = (rules.Day, rules.DayStart, rules.BaselineStart);
        // Raised once per subject and day: under a real spike, later petitions need not be counted again.
        if (raised.Contains(kind, subject, day)) return null;
        if (await db.EarlyWarnings.AnyAsync(w => w.Kind == kind && w.Subject == subject && w.Period == day, ct))
        {
            raised.Add(kind, subject, day);
            return null;
        }
        var today = await scope.CountAsync(f => f.RegisteredAt >= dayStart && f.RegisteredAt < dayStart.AddDays(1), ct);
        var baseline = await baselines.CountAsync(kind, subject, day,
            () => scope.CountAsync(f => f.RegisteredAt >= baselineStart && f.RegisteredAt < dayStart, ct));
        return rules.Spike(kind, subject, today, baseline);
    }

    /// <returns>Whether it was raised here (not already by another replica).</returns>
    private async Task<bool> RaiseAsync(EarlyWarningCandidate warning, CancellationToken ct)
    {
        var id = NewId.NextSequentialGuid();
        var at = warning.At.ToUniversalTime();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO early_warnings ("Id", "Kind", "RegionCode", "Subject", "Period", "Evidence", "CaseId", "RaisedAt")
            VALUES ({id}, {warning.Kind}, {warning.RegionCode}, {warning.Subject}, {warning.Period}, {warning.Evidence}, {warning.CaseId}, {at})
            ON CONFLICT ("Kind", "Subject", "Period") DO NOTHING
            """, ct);
        if (inserted == 1)
            db.Publish(new EarlyWarningRaised
            {
                WarningId = id, Kind = warning.Kind, RegionCode = warning.RegionCode, Subject = warning.Subject, Evidence = warning.Evidence,
                CaseId = warning.CaseId, OccurredAt = at,
            });
        return inserted == 1;
    }
}
