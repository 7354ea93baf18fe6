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
/// subject, period), with its evidence, as a row and an EarlyWarningRaised event. It runs after the petition's fold has
/// committed, in a short transaction of its own and without locks: every count includes the petition itself, so of
/// petitions folded at once the last to commit sees them all, and the unique row lets only one of several that cross
/// a threshold raise the warning. (Checking inside the fold under a lock per region and topic queued every petition of
/// a topic behind the one before.)
/// </summary>
public sealed class EarlyWarningCheck(ReportingDb db, IOptions<EarlyWarningOptions> options) : IAfterCommit
{
    public IReadOnlySet<Type> Follows { get; } = new HashSet<Type> { typeof(PetitionRegistered) };

    public async Task RunAsync(EventEnvelope e, CancellationToken ct)
    {
        if (e.Message is not PetitionRegistered m) return;
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rules = new PetitionWarningRules(m, options.Value);
        var (region, topic, province) = (m.RegionCode, m.Topic, rules.Province);
        await SpikeAsync(rules, "region_spike", region, db.CaseFacts.Where(f => f.RegionCode == region), ct);
        await SpikeAsync(rules, "topic_spike", rules.TopicSubject, db.CaseFacts.Where(f => f.Topic == topic && f.RegionCode.StartsWith(province)), ct);
        await RaiseAsync(rules.CollectiveVisit(), ct);
        await RaiseAsync(rules.DuringSensitivePeriod(), ct);
        if (m.ToBeijing)
        {
            var month = rules.Month;
            await RaiseAsync(rules.BeijingThreshold(await db.BeijingPetitions.CountAsync(b => b.RegionCode == region && b.Month == month, ct)), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task SpikeAsync(PetitionWarningRules rules, string kind, string subject, IQueryable<CaseFact> scope, CancellationToken ct)
    {
        var (day, dayStart, baselineStart) = (rules.Day, rules.DayStart, rules.BaselineStart);
        // Raised once per subject and day: under a real spike, later petitions need not be counted again.
        if (await db.EarlyWarnings.AnyAsync(w => w.Kind == kind && w.Subject == subject && w.Period == day, ct)) return;
        var today = await scope.CountAsync(f => f.RegisteredAt >= dayStart && f.RegisteredAt < dayStart.AddDays(1), ct);
        var baseline = await scope.CountAsync(f => f.RegisteredAt >= baselineStart && f.RegisteredAt < dayStart, ct);
        await RaiseAsync(rules.Spike(kind, subject, today, baseline), ct);
    }

    private async Task RaiseAsync(EarlyWarningCandidate? warning, CancellationToken ct)
    {
        if (warning is null) return;
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
    }
}
