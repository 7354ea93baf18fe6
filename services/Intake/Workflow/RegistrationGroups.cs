using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Recusal;
using Coordination.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Intake.Workflow;

/// <summary>A validated petition waiting for its group's transaction, with what was read for it before (ADR 34).</summary>
public sealed record Registering(
    NewPetition Input,
    Receiver Receiver,
    IReadOnlyList<PetitionerRecord> Petitioners,
    IReadOnlyList<string> Identities,
    IReadOnlyDictionary<string, IReadOnlyList<CaseFingerprint>> Copies,
    string? TraceParent);

/// <summary>A committed registration, and the identities' cases read from PostgreSQL for it, to copy to Redis.</summary>
public sealed record Registered(Petition Petition, IReadOnlyList<IdentityCases> Reread);

/// <summary>
/// Registrations committed in groups (ADR 34, issue 15): the registrations that arrive while a transaction runs wait and
/// go together in the next — every identity of the group locked and counted in one round trip, each registration's
/// repeat, final and skip-level decision in arrival order, the group's case numbers in one statement (ADR 4), every
/// petition and its event in one SaveChanges, one commit. A registration joins a group only if it shares no petitioner
/// identity and no request id with those already in it: its repeat decision must see theirs committed, so it waits for
/// the next group. A group that fails is registered again one by one (a request id raced by another call fails alone
/// and is answered as a replay). Intake:RegistrationGroups transactions (default 4) run at once.
/// </summary>
public sealed class RegistrationGroups(IServiceScopeFactory scopes, MatterPrints prints, IOptions<IntakeOptions> options, CoordinationMetrics metrics,
    TimeProvider clock, IConfiguration configuration, ILogger<RegistrationGroups> log)
    : CommitGroups<Registering, Registered>(configuration.GetValue("Intake:RegistrationGroups", 4), MaxGroup, log)
{
    /// <summary>At most this many registrations in one transaction: the calls in flight bound it anyway.</summary>
    public const int MaxGroup = 64;

    public Task<Registered> RegisterAsync(Registering registration, CancellationToken ct) => CommitAsync(registration, ct);

    protected override IReadOnlyCollection<string> ExclusiveKeys(Registering r) => KeysOf(r);

    /// <summary>Its petitioners' identities, and its request id within its receiving unit: no two in one group.</summary>
    public static IReadOnlyCollection<string> KeysOf(Registering r)
    {
        var keys = new List<string>(r.Identities.Count + 1);
        foreach (var identity in r.Identities) keys.Add("identity\n" + identity);
        if (r.Input.RequestId is { } id) keys.Add("request\n" + r.Receiver.Unit + "\n" + id);
        return keys;
    }

    protected override async Task<IReadOnlyList<Registered>> CommitTogetherAsync(IReadOnlyList<Registering> group, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
        // Changes are detected once, before saving (as in GroupCommit): with detection on, each accusation's look for a
        // recusal the group already added (a set's Local view) scanned every row the group had tracked so far.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var locks = scope.ServiceProvider.GetRequiredService<IdentityLocks>();
        var index = scope.ServiceProvider.GetRequiredService<IdentityCaseIndex>();
        var caseNumbers = scope.ServiceProvider.GetRequiredService<CaseNumberAllocator>();
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var identities = group.SelectMany(r => r.Identities).Distinct(StringComparer.Ordinal).ToList();
        var counts = await locks.LockAndCountAsync(identities, ct);
        var decided = new List<(RegistrationDecision Decision, RepeatMatch? Match, IReadOnlyList<IdentityCases> Reread)>(group.Count);
        foreach (var r in group)
        {
            var (known, reread) = await index.CasesOfAsync(r.Identities, counts, r.Copies, ct);
            var match = RepeatFinder.Find(known, r.Input.Topic, prints.Of(MatterText.Normalize(r.Input.Summary)), now, options.Value);
            var earlierIsFinal = match is not null && await db.Petitions.AnyAsync(p => p.Id == match.Earlier.CaseId && p.Final, ct);
            decided.Add((RegistrationDecision.Of(match, earlierIsFinal, r.Receiver.Level), match, reread));
        }
        var numbers = new Queue<string>(await caseNumbers.NextAsync(
            group.Where((_, i) => decided[i].Decision.NeedsCaseNumber).Select(r => r.Input.RegionCode).ToList(), now, ct));

        var registered = new List<Registered>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var (r, (decision, match, reread)) = (group[i], decided[i]);
            var caseNumber = decision.NeedsCaseNumber ? numbers.Dequeue() : match!.Earlier.CaseNumber;
            var petition = Petition.Register(NewId.NextSequentialGuid(), r.Input, r.Petitioners, caseNumber, r.Receiver, decision, now);
            petition.TraceParent = r.TraceParent;
            db.Petitions.Add(petition);
            db.Publish(PetitionEvents.For(petition), decision.CaseIdOf(petition.Id), r.TraceParent);
            await db.RecuseAccusedUnitAsync(decision.CaseIdOf(petition.Id), petition.AccusedUnit, now, ct);
            if (decision.OpensCase) index.CountNewCase(r.Identities, counts);
            registered.Add(new Registered(petition, reread));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var (decision, _, _) in decided) metrics.Registered(decision.Kind.ToString());
        return registered;
    }
}
