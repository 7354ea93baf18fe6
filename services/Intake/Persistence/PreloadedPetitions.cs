using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Persistence;

/// <summary>
/// Before a group commit's batch of progress reports is applied, its petitions are locked (in key order) and their
/// progress loaded with one statement each, instead of two reads a report (issue 15). A batch of one reads as before.
/// </summary>
public sealed class PreloadedPetitions : IBeforeGroupApply<IntakeDb>
{
    public const string Petitions = "petitions", Progress = "case_progress";

    public async Task RunAsync(IntakeDb db, IReadOnlyList<object?> states, CancellationToken ct)
    {
        var cases = states.OfType<Guid>().Distinct().Order().ToArray();
        if (cases.Length < 2) return;
        var known = new PreloadedKeys(db.Database.CurrentTransaction);
        var petitions = await db.Petitions.FromSql($"SELECT * FROM petitions WHERE \"Id\" = ANY({cases}) ORDER BY \"Id\" FOR UPDATE").ToListAsync(ct);
        known.Loaded(Petitions, cases, petitions.Select(p => p.Id));
        var progress = await db.CaseProgress.Where(p => cases.Contains(p.CaseId)).ToListAsync(ct);
        known.Loaded(Progress, cases, progress.Select(p => p.CaseId));
        db.Preloaded = known;
    }
}
