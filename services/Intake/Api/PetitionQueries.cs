using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Persistence;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Intake.Api;

/// <summary>Who may read which petitions, the reads the API answers from, and the paged listing.</summary>
public sealed class PetitionQueries(IntakeDb db, ReferenceDataCache<Domain.Topic> topics)
{
    /// <summary>Keyset paging, newest first: the last row's (registered at, id), so pages stay stable while cases are added.</summary>
    private static readonly PageTokens Pages = new("intake.ListPetitions", PagePart.Time, PagePart.Id);
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>
        { "law_related", "to_beijing", "skip_level", "leader_instructed", "long_standing_petitioner", "collective" };

    /// <summary>Intake roles read their jurisdiction; a department only petitions assigned to it.</summary>
    public static bool CanRead(Caller caller, Domain.Petition p) =>
        caller.Is(Roles.Department) ? p.AssignedUnits.Contains(caller.Unit) : caller.Covers(p.RegionCode);

    /// <summary>A petition the caller may read, or NotFound, so that case ids of other jurisdictions don't leak.</summary>
    public async Task<Domain.Petition> ReadableAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var p = await db.Petitions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        return p is not null && CanRead(caller, p) ? p : throw new NotFoundException("case");
    }

    /// <summary>Query codes are handed out in upper case and read back in any case.</summary>
    public async Task<Domain.Petition> ByQueryCodeAsync(string queryCode, CancellationToken ct) =>
        await db.Petitions.AsNoTracking().FirstOrDefaultAsync(x => x.QueryCode == queryCode.ToUpperInvariant(), ct)
        ?? throw new NotFoundException("query code");

    public Task<IReadOnlyList<Domain.Topic>> TopicsAsync(CancellationToken ct) => topics.GetAsync(db, ct);

    public Task<Domain.ReceptionDay?> ReceptionDayAsync(Guid id, CancellationToken ct) =>
        db.ReceptionDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<ListPetitionsResponse> ListAsync(Caller caller, ListPetitionsRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.CheckOptionalRegion(r.RegionCode, "must be a 6-digit administrative division code");
        errors.Check(Enum.IsDefined(r.Channel), "channel", "unknown channel");
        errors.Check(r.Flag.Length == 0 || Flags.Contains(r.Flag), "flag", "must be one of " + string.Join(", ", Flags));
        errors.Check(r.Status.Length == 0 || PetitionStatuses.All.Contains(r.Status), "status", "must be one of " + string.Join(", ", PetitionStatuses.All));
        var page = Pages.Read(errors, r.PageSize, r.PageToken,
            query: $"{r.RegionCode}|{r.Channel}|{r.RegisteredFrom}|{r.RegisteredTo}|{r.Flag}|{r.Status}");
        errors.Check(r.RegisteredFrom is null || r.RegisteredTo is null || r.RegisteredFrom.ToDateTimeOffset() <= r.RegisteredTo.ToDateTimeOffset(),
            "registered_to", "must not be before registered_from");
        errors.ThrowIfAny();
        var region = caller.ReadableRegion(r.RegionCode)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"region_code {r.RegionCode} is outside your jurisdiction {caller.Region}"));

        var prefix = Jurisdiction.Prefix(region);
        var query = db.Petitions.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix));
        if (r.Channel != Channel.Unspecified)
        {
            var channel = RegisterPetitionValidator.ChannelName(r.Channel);
            query = query.Where(p => p.Channel == channel);
        }
        if (r.RegisteredFrom is { } from) query = query.Where(p => p.RegisteredAt >= from.ToDateTimeOffset());
        if (r.RegisteredTo is { } to) query = query.Where(p => p.RegisteredAt < to.ToDateTimeOffset());
        if (r.Status.Length > 0) query = query.Where(p => p.Status == r.Status);
        query = r.Flag switch
        {
            "law_related" => query.Where(p => p.LawRelated),
            "to_beijing" => query.Where(p => p.ToBeijing),
            "skip_level" => query.Where(p => p.SkipLevel),
            "leader_instructed" => query.Where(p => p.LeaderInstructed),
            "long_standing_petitioner" => query.Where(p => p.LongStandingPetitioner),
            "collective" => query.Where(p => p.Collective),
            _ => query,
        };
        if (page.After is { } after)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(p => p.RegisteredAt < at || (p.RegisteredAt == at && p.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(p => p.RegisteredAt).ThenByDescending(p => p.Id).Take(page.Fetch).ToListAsync(ct);
        var (items, next) = Pages.Page(rows, page, p => PageKey.Of(p.RegisteredAt, p.Id));
        var reply = new ListPetitionsResponse { NextPageToken = next };
        reply.Petitions.AddRange(items.Select(p => PetitionViews.ToView(p, withholdContent: p.IsWithheldFrom(caller.Unit))));
        return reply;
    }
}
