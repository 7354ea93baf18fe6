using Coordination.Contracts.Intake;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.Intake.Domain;

/// <summary>
/// Registers a validated petition: allocates its case number, stores it and queues PetitionRegistered in one
/// transaction. A repeated request id returns the case it created the first time.
/// </summary>
public sealed class PetitionRegistrar(IntakeDb db, RequestIdCache requestIds, IdentityNumbers identities, TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        if (input.RequestId is { } requestId)
        {
            var known = await requestIds.FindAsync(clerk.Unit, requestId) ?? await FindByRequestIdAsync(clerk.Unit, requestId, ct);
            if (known is not null) return known;
        }
        try
        {
            var result = await InsertAsync(input, clerk, ct);
            if (input.RequestId is not null) await requestIds.RememberAsync(clerk.Unit, input.RequestId, result);
            return result;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && input.RequestId is not null)
        {
            // A concurrent call with the same request id won the race: answer with its case.
            db.ChangeTracker.Clear();
            return await FindByRequestIdAsync(clerk.Unit, input.RequestId, ct)
                ?? throw new InvalidOperationException("unique violation without a matching request id");
        }
    }

    private async Task<RegistrationResult> InsertAsync(NewPetition input, Caller clerk, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var caseNumber = await CaseNumberAllocator.NextAsync(db, input.RegionCode, now, ct);
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
            LawRelated = input.LawRelated,
            OtherRegionCodes = [.. input.OtherRegionCodes],
            Petitioners = input.Petitioners.Select(p => new PetitionerRecord
            {
                Name = p.Name,
                IdNumberHash = p.IdNumber is null ? null : identities.Hash(p.IdNumber),
                IdNumberMasked = p.IdNumber is null ? null : IdentityNumbers.Mask(p.IdNumber),
                Phone = p.Phone,
            }).ToList(),
            ReceivedAt = input.ReceivedAt,
            RegisteredAt = now,
            ReceivingUnit = clerk.Unit,
            Clerk = clerk.Subject,
        };
        db.Petitions.Add(petition);
        db.Publish(ToEvent(petition), petition.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegistrationResult(petition.Id, caseNumber, Replayed: false);
    }

    private async Task<RegistrationResult?> FindByRequestIdAsync(string unit, string requestId, CancellationToken ct)
    {
        var found = await db.Petitions.AsNoTracking()
            .Where(p => p.ReceivingUnit == unit && p.RequestId == requestId)
            .Select(p => new { p.Id, p.CaseNumber })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new RegistrationResult(found.Id, found.CaseNumber, Replayed: true);
    }

    private static PetitionRegistered ToEvent(Petition p) => new()
    {
        CaseId = p.Id,
        CaseNumber = p.CaseNumber,
        Channel = p.Channel,
        RegionCode = p.RegionCode,
        Category = p.Category,
        Topic = p.Topic,
        Summary = p.Summary,
        PetitionerCount = p.Petitioners.Count,
        LawRelated = p.LawRelated,
        OtherRegionCodes = p.OtherRegionCodes,
        ReceivingUnit = p.ReceivingUnit,
        Clerk = p.Clerk,
        ReceivedAt = p.ReceivedAt,
        OccurredAt = p.RegisteredAt,
    };
}
