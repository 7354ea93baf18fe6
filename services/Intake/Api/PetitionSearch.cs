using Coordination.Contracts;
using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Petition = Coordination.Intake.Domain.Petition;

namespace Coordination.Intake.Api;

/// <summary>
/// Finding a case where the petitions live: by case number, petitioner (name, identity number full or masked, phone),
/// topic, region, status and registration dates, newest first, in keyset pages with signed tokens. Scope as in
/// GetPetition: clerks, bureaus and leaders their jurisdiction, a department the petitions handed to it; and whatever
/// the role, never a petition accusing the caller's own unit (the accusation shield: to its staff it does not exist).
/// </summary>
public sealed class PetitionSearch(IntakeDb db, IdentityNumbers identities, SearchPageTokens tokens)
{
    private const int DefaultPageSize = 50, MaxPageSize = PageTokens.MaxSize; // as every list

    public async Task<SearchPetitionsResponse> SearchAsync(Caller caller, SearchPetitionsRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var caseNumber = errors.Text(r.CaseNumber, "case_number", FieldLimits.CaseNumber, required: false);
        var name = errors.Text(r.PetitionerName, "petitioner_name", FieldLimits.PetitionerName, required: false);
        var idNumber = r.IdNumber.Trim().ToUpperInvariant();
        var masked = idNumber.Contains('*');
        errors.Check(idNumber.Length == 0 || (masked ? IsMasked(idNumber) : IdentityNumbers.IsValid(idNumber)), "id_number",
            "must be a valid 18-character identity number or its masked form (6 digits, 8 asterisks, 4 characters)");
        var phone = errors.Text(r.Phone, "phone", 20, required: false);
        var topic = errors.Text(r.Topic, "topic", FieldLimits.Topic, required: false);
        errors.CheckOptionalRegion(r.RegionCode, "must be a 6-digit administrative division code");
        errors.Check(r.Status.Length == 0 || PetitionStatuses.All.Contains(r.Status), "status", "must be one of " + string.Join(", ", PetitionStatuses.All));
        errors.Check(r.RegisteredFrom is null || r.RegisteredTo is null || r.RegisteredFrom.ToDateTimeOffset() <= r.RegisteredTo.ToDateTimeOffset(),
            "registered_to", "must not be before registered_from");
        errors.Check(r.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be 0 to {MaxPageSize}");
        var search = string.Join('\u001f', caller.Subject, caller.Role, caller.Unit, caller.Region, caseNumber, name, idNumber, phone, topic, r.RegionCode,
            r.Status, r.RegisteredFrom?.ToDateTimeOffset().UtcTicks, r.RegisteredTo?.ToDateTimeOffset().UtcTicks);
        var cursor = r.PageToken.Length == 0 ? null : tokens.Read(r.PageToken, search);
        errors.Check(r.PageToken.Length == 0 || cursor is not null, "page_token", "is not a token this service gave out for this search");
        errors.ThrowIfAny();

        var query = Scope(caller, r.RegionCode);
        if (caseNumber.Length > 0) query = query.Where(p => p.CaseNumber == caseNumber);
        if (name.Length > 0) query = query.Where(p => p.Petitioners.Any(x => x.Name == name));
        if (idNumber.Length > 0)
        {
            var hash = masked ? null : identities.Hash(idNumber);
            query = masked ? query.Where(p => p.Petitioners.Any(x => x.IdNumberMasked == idNumber)) : query.Where(p => p.Petitioners.Any(x => x.IdNumberHash == hash));
        }
        if (phone.Length > 0) query = query.Where(p => p.Petitioners.Any(x => x.Phone == phone));
        if (topic.Length > 0) query = query.Where(p => p.Topic == topic);
        if (r.Status.Length > 0) query = query.Where(p => p.Status == r.Status);
        if (r.RegisteredFrom is { } from) query = query.Where(p => p.RegisteredAt >= from.ToDateTimeOffset());
        if (r.RegisteredTo is { } to) query = query.Where(p => p.RegisteredAt < to.ToDateTimeOffset());
        if (cursor is { } c)
            query = query.Where(p => p.RegisteredAt < c.RegisteredAt || (p.RegisteredAt == c.RegisteredAt && p.Id.CompareTo(c.Id) < 0));

        var size = r.PageSize == 0 ? DefaultPageSize : r.PageSize;
        var page = await query.OrderByDescending(p => p.RegisteredAt).ThenByDescending(p => p.Id).Take(size + 1).ToListAsync(ct);
        var reply = new SearchPetitionsResponse();
        reply.Petitions.AddRange(page.Take(size).Select(p => PetitionViews.ToView(p, withholdContent: p.IsWithheldFrom(caller.Unit))));
        if (page.Count > size) reply.NextPageToken = tokens.For(new SearchPageTokens.Position(page[size - 1].RegisteredAt, page[size - 1].Id), search);
        return reply;
    }

    /// <summary>What the caller may find at all; a region asked for outside the jurisdiction is PermissionDenied, as in ListPetitions.</summary>
    private IQueryable<Petition> Scope(Caller caller, string regionCode)
    {
        var all = db.Petitions.AsNoTracking().Where(p => p.AccusedUnit == null || p.AccusedUnit != caller.Unit);
        if (caller.Is(Roles.Department))
        {
            var handed = all.Where(p => p.AssignedUnits.Contains(caller.Unit));
            return regionCode.Length == 0 ? handed : handed.Where(p => p.RegionCode.StartsWith(Jurisdiction.Prefix(regionCode)));
        }
        var region = caller.ReadableRegion(regionCode.Length == 0 ? caller.Region : regionCode)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"region_code {regionCode} is outside your jurisdiction {caller.Region}"));
        var prefix = Jurisdiction.Prefix(region);
        return all.Where(p => p.RegionCode.StartsWith(prefix));
    }

    private static bool IsMasked(string value) =>
        value.Length == 18 && value[..6].All(char.IsAsciiDigit) && value[6..14].All(c => c == '*') && value[14..17].All(char.IsAsciiDigit)
        && (char.IsAsciiDigit(value[17]) || value[17] == 'X');
}
