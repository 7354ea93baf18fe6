using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

using Coordination.ServiceDefaults.Recusal;
namespace Coordination.Intake.Workflow;

/// <summary>
/// Registers a validated petition: in its group's transaction (<see cref="RegistrationGroups"/>, ADR 34) the repeat,
/// final and skip-level decision under a lock on the petitioners' identities, the case number (taken in a transaction
/// of its own, ADR 4), the petition, and its event in the outbox. A repeated request id returns the answer it got the
/// first time. Redis is read before the transaction and written after its commit, never between (ADR 11): a slow
/// Redis must not hold the identity locks.
/// </summary>
public sealed class PetitionRegistration(
    IntakeDb db,
    IdentityCaseIndex index,
    RequestIdCache requestIds,
    RegistrationGroups groups,
    IdentityNumbers identities)
{
    public async Task<RegistrationResult> RegisterAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        var petitioners = input.Petitioners.Select(p => PetitionerRecord.From(p, identities)).ToList();
        var identityHashes = petitioners.Select(p => p.IdNumberHash).OfType<string>().Distinct().ToList();
        // Before the locks (under them only PostgreSQL is awaited), and beside the replay look-up: one wait for Redis, not two.
        var copiesRead = index.ReadCopiesAsync(identityHashes);
        if (input.RequestId is { } requestId && await FindCachedReplayAsync(clerk.Unit, requestId, ct) is { } replay)
        {
            await copiesRead;
            return replay;
        }
        var copies = await copiesRead;
        Registered registered;
        try
        {
            registered = await groups.RegisterAsync(new Registering(input, Receiver.Of(clerk.Unit, clerk.Subject, clerk.Region), petitioners,
                identityHashes, copies, System.Diagnostics.Activity.Current?.Id), ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && input.RequestId is not null)
        {
            // A concurrent call with the same request id won the race (the unique index is the truth): answer with its registration.
            return await FindReplayAsync(clerk.Unit, input.RequestId, ct)
                ?? throw new InvalidOperationException("unique violation without a matching request id");
        }
        // Committed: the copies may now take Redis's time (each call is bounded by Redis:TimeoutMs and never throws).
        await Task.WhenAll(
            input.RequestId is null ? Task.CompletedTask : requestIds.RememberAsync(clerk.Unit, input.RequestId, registered.Petition.Id),
            index.CopyAsync(registered.Reread));
        return new RegistrationResult(registered.Petition, await FindAsync(registered.Petition.EarlierCaseId, ct), Replayed: false);
    }

    /// <summary>
    /// Redis remembers request ids for a day: an id it does not know is new (else the insert's unique index finds the
    /// replay); when Redis does not answer, PostgreSQL is asked.
    /// </summary>
    private async Task<RegistrationResult?> FindCachedReplayAsync(string unit, string requestId, CancellationToken ct)
    {
        var cached = await requestIds.FindAsync(unit, requestId);
        if (cached == Guid.Empty) return null;
        var petition = cached is { } known ? await FindAsync(known, ct) : await FindByRequestIdAsync(unit, requestId, ct);
        return petition is null ? null : new RegistrationResult(petition, await FindAsync(petition.EarlierCaseId, ct), Replayed: true);
    }

    /// <summary>The answer the first call with this request id got, from PostgreSQL.</summary>
    private async Task<RegistrationResult?> FindReplayAsync(string unit, string requestId, CancellationToken ct)
    {
        var petition = await FindByRequestIdAsync(unit, requestId, ct);
        return petition is null ? null : new RegistrationResult(petition, await FindAsync(petition.EarlierCaseId, ct), Replayed: true);
    }

    private Task<Petition?> FindByRequestIdAsync(string unit, string requestId, CancellationToken ct) =>
        db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.ReceivingUnit == unit && p.RequestId == requestId, ct);

    private async Task<Petition?> FindAsync(Guid? id, CancellationToken ct) =>
        id is { } known ? await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == known, ct) : null;
}
