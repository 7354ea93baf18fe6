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
/// Registers a validated petition in one transaction: the repeat, final and skip-level decision under a lock on the
/// petitioners' identities, the case number (taken in a transaction of its own, ADR 4), the petition, and its event
/// in the outbox. A repeated request id returns the answer it got the first time. Redis is read before the
/// transaction and written after its commit, never between (ADR 11): a slow Redis must not hold the identity locks.
/// </summary>
public sealed class PetitionRegistration(
    IntakeDb db,
    IdentityLocks locks,
    IdentityCaseIndex index,
    RequestIdCache requestIds,
    CaseNumberAllocator caseNumbers,
    IdentityNumbers identities,
    MatterPrints prints,
    IOptions<IntakeOptions> options,
    CoordinationMetrics metrics,
    TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        if (input.RequestId is { } requestId && await FindCachedReplayAsync(clerk.Unit, requestId, ct) is { } replay) return replay;
        try
        {
            var (result, reread) = await InsertAsync(input, Receiver.Of(clerk.Unit, clerk.Subject, clerk.Region), ct);
            // Committed: the copies may now take Redis's time (each call is bounded by Redis:TimeoutMs and never throws).
            if (input.RequestId is not null) await requestIds.RememberAsync(clerk.Unit, input.RequestId, result.Registration.Id);
            await index.CopyAsync(reread);
            return result;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && input.RequestId is not null)
        {
            // A concurrent call with the same request id won the race (the unique index is the truth): answer with its registration.
            db.ChangeTracker.Clear();
            return await FindReplayAsync(clerk.Unit, input.RequestId, ct)
                ?? throw new InvalidOperationException("unique violation without a matching request id");
        }
    }

    /// <returns>The registration, and the identities' cases read from PostgreSQL, to copy to Redis once committed.</returns>
    private async Task<(RegistrationResult Result, IReadOnlyList<IdentityCases> Reread)> InsertAsync(NewPetition input, Receiver receiver, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var petitioners = input.Petitioners.Select(p => PetitionerRecord.From(p, identities)).ToList();
        var identityHashes = petitioners.Select(p => p.IdNumberHash).OfType<string>().Distinct().ToList();
        var copies = await index.ReadCopiesAsync(identityHashes); // before the locks: under them only PostgreSQL is awaited

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counts = await locks.LockAndCountAsync(identityHashes, ct);
        var (known, reread) = await index.CasesOfAsync(identityHashes, counts, copies, ct);
        var match = RepeatFinder.Find(known, input.Topic, prints.Of(MatterText.Normalize(input.Summary)), now, options.Value);
        var earlierIsFinal = match is not null && await db.Petitions.AnyAsync(p => p.Id == match.Earlier.CaseId && p.Final, ct);
        var decision = RegistrationDecision.Of(match, earlierIsFinal, receiver.Level);
        var caseNumber = decision.NeedsCaseNumber ? await caseNumbers.NextAsync(input.RegionCode, now, ct) : match!.Earlier.CaseNumber;

        var petition = Petition.Register(NewId.NextSequentialGuid(), input, petitioners, caseNumber, receiver, decision, now);
        petition.TraceParent = System.Diagnostics.Activity.Current?.Id;
        db.Petitions.Add(petition);
        db.Publish(PetitionEvents.For(petition), decision.CaseIdOf(petition.Id));
        await db.RecuseAccusedUnitAsync(decision.CaseIdOf(petition.Id), petition.AccusedUnit, now, ct);
        if (decision.OpensCase) index.CountNewCase(identityHashes, counts);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.Registered(decision.Kind.ToString());
        return (new RegistrationResult(petition, await FindAsync(petition.EarlierCaseId, ct), Replayed: false), reread);
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
