using Coordination.Contracts.Directory;
using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Directory.Workflow;

/// <summary>An administrator registers and changes units; each change commits with its event (UnitRegistered, UnitChanged).</summary>
public sealed class UnitActions(DirectoryDb db, TimeProvider clock)
{
    public async Task<Unit> RegisterAsync(UnitDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check(UnitCode.IsValid(draft.Code), "code", "must be lower-case ASCII words joined by hyphens, at most 64 characters")
            .Check(Text.IsRequiredClean(draft.Name, Unit.NameMaxLength), "name", "is required, at most 100 characters, no control characters")
            .Check(UnitKinds.All.Contains(draft.Kind), "kind", "must be one of " + string.Join(", ", UnitKinds.All.Order()))
            .Check(Jurisdiction.IsRegionCode(draft.RegionCode), "region_code", "must be a 6-digit region code");
        if (draft.ParentCode.Length > 0) await CheckParentAsync(errors, draft.Code, draft.ParentCode, draft.RegionCode, ct);
        errors.ThrowIfAny();
        var name = draft.Name.Trim();
        if (await db.Units.AnyAsync(u => u.Code == draft.Code, ct)) throw Duplicates.AlreadyExists($"unit {draft.Code}");
        if (await db.Units.AnyAsync(u => u.Name == name, ct)) throw Duplicates.AlreadyExists($"a unit named {name}");
        var now = clock.GetUtcNow();
        var unit = new Unit
        {
            Code = draft.Code, Name = name, Kind = draft.Kind, RegionCode = draft.RegionCode,
            ParentCode = draft.ParentCode.Length == 0 ? null : draft.ParentCode, ChangedAt = now,
        };
        db.Units.Add(unit);
        db.Publish(new UnitRegistered { Unit = unit.ToContract(), OccurredAt = now });
        await Duplicates.SaveAsync(db, $"unit {draft.Code}", ct);
        return unit;
    }

    public async Task<Unit> ChangeAsync(string code, string? name, string? parentCode, bool? active, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check(name is null || Text.IsRequiredClean(name, Unit.NameMaxLength), "name", "is at most 100 characters, not blank, no control characters")
            .Check(parentCode is null || parentCode.Length == 0 || UnitCode.IsValid(parentCode), "parent_code", "must be a unit code or empty");
        errors.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = await db.Units.FromSql($"SELECT * FROM units WHERE \"Code\" = {code} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"unit {code}");
        if (parentCode is { Length: > 0 }) await CheckParentAsync(errors, code, parentCode, unit.RegionCode, ct);
        var trimmed = name?.Trim();
        if (trimmed is not null && trimmed != unit.Name && await db.Units.AnyAsync(u => u.Name == trimmed, ct))
            errors.Add("name", "another unit has this name");
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        if (unit.Change(trimmed, parentCode, active, now)) db.Publish(new UnitChanged { Unit = unit.ToContract(), OccurredAt = now });
        await Duplicates.SaveAsync(db, $"a unit named {trimmed}", ct);
        await tx.CommitAsync(ct);
        return unit;
    }

    /// <summary>The parent must exist, cover the child's region, and not be the child or one of its descendants.</summary>
    private async Task CheckParentAsync(FieldErrors errors, string code, string parentCode, string regionCode, CancellationToken ct)
    {
        if (!UnitCode.IsValid(parentCode)) { errors.Add("parent_code", "must be a unit code"); return; }
        var parent = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == parentCode, ct);
        if (parent is null) { errors.Add("parent_code", $"no unit {parentCode}"); return; }
        if (Jurisdiction.IsRegionCode(regionCode) && !Jurisdiction.Covers(parent.RegionCode, regionCode))
            errors.Add("parent_code", $"{parentCode} is in region {parent.RegionCode}, which does not cover {regionCode}");
        var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.ParentCode, ct);
        if (UnitTree.WouldCycle(code, parentCode, parents)) errors.Add("parent_code", "a unit cannot be under itself");
    }
}
