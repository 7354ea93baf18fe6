using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>The bureau decides an accountability file of its jurisdiction; an administrator changes the rules (data).</summary>
public sealed class AccountabilityActions(AssignmentDb db, TimeProvider clock)
{
    public async Task<AccountabilityFile> DecideAsync(Guid fileId, string decision, string reasons, Caller bureau, CancellationToken ct)
    {
        bureau.Require(Roles.Bureau);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM accountability_files WHERE \"Id\" = {fileId} FOR UPDATE", ct);
        var f = await db.AccountabilityFiles.FirstOrDefaultAsync(x => x.Id == fileId, ct);
        if (f is null || !bureau.Covers(f.RegionCode)) throw new NotFoundException("accountability_file");
        var now = clock.GetUtcNow().ToUniversalTime();
        f.Decide(decision, reasons, bureau.Subject, now);
        db.Publish(new AccountabilityDecided
        {
            FileId = f.Id, CaseId = f.CaseId, Decision = decision, Reasons = reasons, Unit = f.Unit, Actor = bureau.Subject, OccurredAt = now,
        }, f.CaseId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return f;
    }

    public async Task<AccountabilityRule> SaveRuleAsync(string kind, bool enabled, int workingDays, Caller administrator, CancellationToken ct)
    {
        administrator.Require(Roles.Administrator);
        var rule = await db.AccountabilityRules.FirstOrDefaultAsync(r => r.Kind == kind, ct) ?? throw new NotFoundException("rule");
        (rule.Enabled, rule.WorkingDays) = (enabled, workingDays);
        await db.SaveChangesAsync(ct);
        return rule;
    }
}
