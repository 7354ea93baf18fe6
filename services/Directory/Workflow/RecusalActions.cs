using Coordination.Contracts.Directory;
using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Coordination.ServiceDefaults.Rules;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Workflow;

/// <summary>Recusals (ADR 30): kept here with the people, announced to every service as <see cref="PersonRecused"/>.</summary>
public sealed class RecusalActions(DirectoryDb db, TimeProvider clock)
{
    /// <summary>
    /// Keeps the person away from the case from now on. A person already recused from it keeps the first recusal (the
    /// same answer, nothing published again), so a retried call is harmless.
    /// </summary>
    public async Task<Recusal> RecuseAsync(string login, Guid caseId, string reason, string source, string recordedBy, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.People.FromSql($"SELECT * FROM people WHERE \"Login\" = {login} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("person");
        if (await db.Recusals.AsNoTracking().SingleOrDefaultAsync(r => r.Login == person.Login && r.CaseId == caseId, ct) is { } known) return known;
        var recusal = new Recusal
        {
            Login = person.Login, CaseId = caseId, Reason = reason.Trim(), Source = source, RecordedBy = recordedBy, RecordedAt = clock.GetUtcNow(),
        };
        db.Recusals.Add(recusal);
        db.Publish(new PersonRecused { Subject = recusal.Login, CaseId = caseId, OccurredAt = recusal.RecordedAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return recusal;
    }
}
