using Coordination.Contracts.Directory;

namespace Coordination.Directory.Domain;

/// <summary>A unit of the directory. Every change bumps <see cref="Version"/>, so services keep only the newest copy.</summary>
public sealed class Unit
{
    public const int NameMaxLength = 100;

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public string? ParentCode { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; } = 1;
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Applies the given changes; returns false (and changes nothing) when they are what the unit already is.</summary>
    public bool Change(string? name, string? parentCode, bool? active, DateTimeOffset now)
    {
        var changed = false;
        if (name is not null && name != Name) { Name = name; changed = true; }
        if (parentCode is not null && (parentCode.Length == 0 ? null : parentCode) != ParentCode)
        {
            ParentCode = parentCode.Length == 0 ? null : parentCode;
            changed = true;
        }
        if (active is { } a && a != Active) { Active = a; changed = true; }
        if (!changed) return false;
        Version++;
        ChangedAt = now;
        return true;
    }

    public DirectoryUnit ToContract() => new()
    {
        Code = Code, Name = Name, Kind = Kind, RegionCode = RegionCode, ParentCode = ParentCode, Active = Active, Version = Version,
    };
}
