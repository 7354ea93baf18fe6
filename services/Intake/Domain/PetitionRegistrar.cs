using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.Intake.Domain;

/// <summary>
/// Registers a validated petition in one transaction: repeat and skip-level checks under a lock on the
/// petitioners' identities, the case number, the petition, and its event in the outbox. A repeated request id
/// returns the answer it got the first time.
/// </summary>
public sealed class PetitionRegistrar(
    IntakeDb db, RequestIdCache requestIds, IdentityNumbers identities, RepeatFinder repeats, TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        if (input.RequestId is { } requestId && await FindReplayAsync(clerk.Unit, requestId, ct) is { } replay) return replay;
        try
        {
            var result = await InsertAsync(input, clerk, ct);
            if (input.RequestId is not null) await requestIds.RememberAsync(clerk.Unit, input.RequestId, result.Registration.Id);
            return result;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && input.RequestId is not null)
        {
            // A concurrent call with the same request id won the race: answer with its registration.
            db.ChangeTracker.Clear();
            return await FindReplayAsync(clerk.Unit, input.RequestId, ct)
                ?? throw new InvalidOperationException("unique violation without a matching request id");
        }
    }

    private async Task<RegistrationResult> InsertAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var petitioners = input.Petitioners.Select(p => new PetitionerRecord
        {
            Name = p.Name,
            IdNumberHash = p.IdNumber is null ? null : identities.Hash(p.IdNumber),
            IdNumberMasked = p.IdNumber is null ? null : IdentityNumbers.Mask(p.IdNumber),
            Phone = p.Phone,
            Representative = p.Representative,
        }).ToList();
        var identityHashes = petitioners.Select(p => p.IdNumberHash).OfType<string>().Distinct().ToList();
        var matterText = MatterText.Normalize(input.Summary);
        var level = RegionLevels.Of(clerk.Region);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await IdentityCaseIndex.LockAsync(db, identityHashes, ct);
        var match = await repeats.FindAsync(db, identityHashes, input.Topic, matterText, ct);
        var earlierIsFinal = match is not null && await db.Petitions.AnyAsync(p => p.Id == match.Earlier.CaseId && p.Final, ct);
        var decision = match is null ? Decision.NewCase
            : earlierIsFinal ? Decision.Final
            : level < match.Earlier.ReceivingLevel ? Decision.SkipLevel
            : Decision.Repeat;
        var caseNumber = decision == Decision.Repeat
            ? match!.Earlier.CaseNumber
            : await CaseNumberAllocator.NextAsync(db, input.RegionCode, now, ct);

        var petition = new Petition
        {
            Id = NewId.NextSequentialGuid(),
            CaseNumber = caseNumber,
            RequestId = input.RequestId,
            Channel = input.Channel,
            RegionCode = input.RegionCode,
            Category = input.Category,
            Topic = input.Topic,
            Summary = input.Summary,
            MatterText = matterText,
            LawRelated = input.LawRelated,
            ToBeijing = input.ToBeijing,
            SkipLevel = input.SkipLevel || decision == Decision.SkipLevel,
            LeaderInstructed = input.LeaderInstructed,
            LongStandingPetitioner = input.LongStandingPetitioner,
            GroupSize = input.GroupSize,
            Collective = input.Collective,
            AccusedUnit = input.AccusedUnit,
            ReceptionDayId = input.ReceptionDayId,
            OtherRegionCodes = [.. input.OtherRegionCodes],
            Petitioners = petitioners,
            Attachments = [.. input.Attachments],
            ReceivedAt = input.ReceivedAt,
            RegisteredAt = now,
            ReceivingUnit = clerk.Unit,
            ReceivingLevel = level,
            Clerk = clerk.Subject,
            Outcome = decision switch { Decision.Repeat => Outcomes.Repeat, Decision.NewCase => Outcomes.Registered, _ => Outcomes.NotAccepted },
            Status = decision switch { Decision.Repeat => PetitionStatuses.Repeat, Decision.NewCase => PetitionStatuses.Registered, _ => PetitionStatuses.NotAccepted },
            EarlierCaseId = match?.Earlier.CaseId,
            MatchSimilarity = match?.Similarity,
            MatchExplanation = match?.Explanation,
            NotAcceptedReason = decision switch
            {
                Decision.SkipLevel => NotAcceptance.SkipLevelPendingBelow, Decision.Final => NotAcceptance.FinalAfterReReview, _ => null,
            },
            Notice = decision switch
            {
                Decision.SkipLevel => NotAcceptance.SkipLevelNotice(match!.Earlier), Decision.Final => NotAcceptance.FinalNotice(match!.Earlier), _ => null,
            },
            QueryCode = QueryCodes.New(),
        };
        db.Petitions.Add(petition);
        db.Publish(PetitionEvents.For(petition, match), decision == Decision.Repeat ? match!.Earlier.CaseId : petition.Id);
        if (decision == Decision.NewCase) await IdentityCaseIndex.CountNewCaseAsync(db, identityHashes, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var earlier = match is null ? null : await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == match.Earlier.CaseId, ct);
        return new RegistrationResult(petition, earlier, Replayed: false);
    }

    private async Task<RegistrationResult?> FindReplayAsync(string unit, string requestId, CancellationToken ct)
    {
        var id = await requestIds.FindAsync(unit, requestId);
        var petition = id is { } known
            ? await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == known, ct)
            : await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.ReceivingUnit == unit && p.RequestId == requestId, ct);
        if (petition is null) return null;
        var earlier = petition.EarlierCaseId is { } earlierId ? await db.Petitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == earlierId, ct) : null;
        return new RegistrationResult(petition, earlier, Replayed: true);
    }

    private enum Decision { NewCase, Repeat, SkipLevel, Final }
}
