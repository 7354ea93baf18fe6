using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// The cases a caller is kept away from here: their own recusals and their unit's accusations (ADR 30). Read from the
/// table on every call, not cached, so a recusal holds on every replica from the moment this service has stored it.
/// </summary>
public static class RecusedCases
{
    public static async Task<HashSet<Guid>> OfAsync(ServiceDbContext db, Caller caller, CancellationToken ct)
    {
        string person = CaseRecusal.PersonParty(caller.Subject), unit = CaseRecusal.UnitParty(caller.Unit);
        var cases = await db.CaseRecusals.AsNoTracking().Where(r => r.Party == person || r.Party == unit).Select(r => r.CaseId).ToListAsync(ct);
        return [.. cases];
    }

    /// <summary>
    /// Keeps an accusation's accused unit away from the case in this service (the accusation shield as a recusal), in the
    /// caller's unit of work; a unit already kept away, or none named, adds nothing.
    /// </summary>
    public static async Task RecuseAccusedUnitAsync(this ServiceDbContext db, Guid caseId, string? accusedUnit, DateTimeOffset at, CancellationToken ct)
    {
        if (accusedUnit is not { Length: > 0 }) return;
        var party = CaseRecusal.UnitParty(accusedUnit);
        if (db.CaseRecusals.Local.Any(r => r.Party == party && r.CaseId == caseId)
            || await db.CaseRecusals.AnyAsync(r => r.Party == party && r.CaseId == caseId, ct)) return;
        db.CaseRecusals.Add(new CaseRecusal { Party = party, CaseId = caseId, Since = at });
    }
}
