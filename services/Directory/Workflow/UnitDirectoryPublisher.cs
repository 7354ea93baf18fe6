using Coordination.Contracts.Directory;
using Coordination.Directory.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Workflow;

/// <summary>Every unit, deactivated person and recusal in one message, and the working calendar in another, queued in the caller's unit of work.</summary>
public sealed class UnitDirectoryPublisher(DirectoryDb db, TimeProvider clock)
{
    public async Task PublishAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);
        var deactivated = await db.People.AsNoTracking().Where(p => !p.Active)
            .Select(p => new { p.Login, p.DeactivatedAt }).ToListAsync(ct);
        var recusals = await db.Recusals.AsNoTracking().Select(r => new RecusedPerson { Subject = r.Login, CaseId = r.CaseId, RecusedAt = r.RecordedAt })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        db.Publish(new UnitDirectoryPublished
        {
            Units = units.Select(u => u.ToContract()).ToList(),
            DeactivatedPeople = deactivated.Select(p => new DeactivatedPerson { Subject = p.Login, DeactivatedAt = p.DeactivatedAt ?? now }).ToList(),
            Recusals = recusals,
            OccurredAt = now,
        });
        db.Publish(await WorkingCalendarActions.WholeCalendarAsync(db, now, ct));
    }
}
