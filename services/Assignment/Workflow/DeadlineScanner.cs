using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Assignment.Workflow;

public sealed class DeadlineScannerOptions
{
    /// <summary>How often to look; the clock (TimeProvider) decides what is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// Picks due deadlines with FOR UPDATE SKIP LOCKED (safe with several replicas), fires each rung of the ladder
/// once (reminder, 催办, 督办) as an event in the same transaction that records it, and closes cases whose
/// review window passed. State lives in the rows, so a restart resumes where it stopped and fires late, not never.
/// </summary>
public sealed class DeadlineScanner(IServiceScopeFactory scopes, IOptions<DeadlineScannerOptions> options, ILogger<DeadlineScanner> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ScanOnceAsync(stoppingToken) == options.Value.BatchSize) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Deadline scan failed; retrying");
            }
            await Task.Delay(options.Value.Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One batch; returns how many deadlines it handled.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssignmentDb>();
        var now = scope.ServiceProvider.GetRequiredService<CaseClock>().Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Deadlines
            .FromSql($"SELECT * FROM deadlines WHERE \"NextActionAt\" <= {now} ORDER BY \"NextActionAt\" LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var deadline in due)
        foreach (var action in deadline.TakeDueActions(now))
            await FireAsync(db, deadline, action, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    private static async Task FireAsync(AssignmentDb db, Deadline d, string action, DateTimeOffset now, CancellationToken ct)
    {
        switch (action)
        {
            case DeadlineActions.Remind:
                db.Publish(new DeadlineApproaching { CaseId = d.CaseId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.Urge:
                db.Publish(new DeadlineMissed { CaseId = d.CaseId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.Supervise:
                db.Publish(new SupervisionIssued { CaseId = d.CaseId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.CloseCase:
                var c = await db.Cases.FirstAsync(x => x.Id == d.CaseId, ct);
                if (c.Status == CaseStatus.Closed) return;
                c.Close(now);
                db.Publish(new CaseClosed { CaseId = c.Id, Outcome = c.Outcome ?? "unknown", Final = false, Reason = "review window passed", OccurredAt = now }, c.Id);
                break;
        }
    }
}
