using Coordination.ServiceDefaults.Time;
using Coordination.Contracts.Intake;
using Coordination.Contracts.Reporting;
using Coordination.Reporting.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Domain;

/// <summary>
/// Checks each new petition against the rules and raises each warning once (unique kind, subject, period), with
/// its evidence, as a row and an EarlyWarningRaised event. It runs after the petition's fold has committed, in a
/// short transaction of its own and without locks: every count includes the petition itself, so of petitions folded
/// at once the last to commit sees them all, and the unique row lets only one of several that cross a threshold
/// raise the warning. (Checking inside the fold under a lock per region and topic queued every petition of a topic
/// behind the one before.)
/// </summary>
public static class EarlyWarnings
{
    public static async Task CheckAsync(ReportingDb db, PetitionRegistered m, EarlyWarningOptions rules, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CheckCommittedAsync(db, m, rules, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task CheckCommittedAsync(ReportingDb db, PetitionRegistered m, EarlyWarningOptions rules, CancellationToken ct)
    {
        var local = m.OccurredAt.ToOffset(WorkingDays.BureauOffset);
        var dayStart = new DateTimeOffset(local.Date, WorkingDays.BureauOffset).ToUniversalTime();
        var baselineStart = dayStart.AddDays(-rules.BaselineDays);
        var day = local.ToString("yyyy-MM-dd");
        var sensitive = rules.SensitivePeriodAt(m.RegionCode, DateOnly.FromDateTime(local.Date));
        var (factor, minimum) = sensitive is null ? (rules.SpikeFactor, rules.SpikeMinimum) : (rules.SensitiveSpikeFactor, rules.SensitiveSpikeMinimum);
        var during = sensitive is null ? "" : $"; {sensitive.Name} ({sensitive.From:yyyy-MM-dd} to {sensitive.To:yyyy-MM-dd}), lowered threshold";

        async Task SpikeAsync(string kind, string subject, IQueryable<CaseFact> scope)
        {
            // Raised once per subject and day: under a real spike, later petitions need not be counted again.
            if (await db.EarlyWarnings.AnyAsync(w => w.Kind == kind && w.Subject == subject && w.Period == day, ct)) return;
            var today = await scope.CountAsync(f => f.RegisteredAt >= dayStart && f.RegisteredAt < dayStart.AddDays(1), ct); // this one included
            var baseline = await scope.CountAsync(f => f.RegisteredAt >= baselineStart && f.RegisteredAt < dayStart, ct);
            var mean = (double)baseline / rules.BaselineDays;
            var threshold = Math.Max(minimum, (int)Math.Ceiling(factor * mean));
            if (today >= threshold)
                await RaiseAsync(db, kind, m.RegionCode, subject, day,
                    $"{today} petitions on {day} against a baseline of {mean:0.00} a day over {rules.BaselineDays} days (threshold {threshold}{during})", null, m.OccurredAt, ct);
        }

        await SpikeAsync("region_spike", m.RegionCode, db.CaseFacts.Where(f => f.RegionCode == m.RegionCode));
        var province = m.RegionCode[..2];
        await SpikeAsync("topic_spike", $"{province}:{m.Topic}", db.CaseFacts.Where(f => f.Topic == m.Topic && f.RegionCode.StartsWith(province)));

        var people = Math.Max(m.GroupSize, m.PetitionerCount);
        if (people >= rules.CollectiveRiskPeople)
            await RaiseAsync(db, "collective_visit", m.RegionCode, m.CaseNumber, day,
                $"collective visit of {people} people on {m.Topic} (threshold {rules.CollectiveRiskPeople})", m.CaseId, m.OccurredAt, ct);

        if (sensitive is not null && (m.Collective || m.ToBeijing))
            await RaiseAsync(db, "sensitive_period", m.RegionCode, m.CaseNumber, day,
                $"{(m.Collective ? $"collective visit of {people} people" : "petition to Beijing")} on {m.Topic} during {sensitive.Name} " +
                $"({sensitive.From:yyyy-MM-dd} to {sensitive.To:yyyy-MM-dd})", m.CaseId, m.OccurredAt, ct);

        if (m.ToBeijing)
        {
            var month = Projections.MonthOf(m.OccurredAt);
            var batches = await db.BeijingPetitions.CountAsync(b => b.RegionCode == m.RegionCode && b.Month == month, ct); // this one included
            if (batches >= rules.BeijingMonthlyThreshold)
                await RaiseAsync(db, "beijing_threshold", m.RegionCode, m.RegionCode, month,
                    $"{batches} batches to Beijing in {month} (threshold {rules.BeijingMonthlyThreshold})", null, m.OccurredAt, ct);
        }
    }

    private static async Task RaiseAsync(ReportingDb db, string kind, string region, string subject, string period, string evidence, Guid? caseId,
        DateTimeOffset at, CancellationToken ct)
    {
        var id = NewId.NextSequentialGuid();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO early_warnings ("Id", "Kind", "RegionCode", "Subject", "Period", "Evidence", "CaseId", "RaisedAt")
            VALUES ({id}, {kind}, {region}, {subject}, {period}, {evidence}, {caseId}, {at.ToUniversalTime()})
            ON CONFLICT ("Kind", "Subject", "Period") DO NOTHING
            """, ct);
        if (inserted == 1)
            db.Publish(new EarlyWarningRaised
            {
                WarningId = id, Kind = kind, RegionCode = region, Subject = subject, Evidence = evidence, CaseId = caseId, OccurredAt = at.ToUniversalTime(),
            });
    }
}
