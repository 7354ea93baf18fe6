using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Grpc;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// A request field that names a unit: it must name an active directory unit (of the kinds required, if any) and is
/// replaced by that unit's canonical code, else the field is named in the InvalidArgument.
/// </summary>
public static class UnitFields
{
    /// <summary>The canonical code, or "" when the field is empty (and may be) or wrong (then an error is recorded).</summary>
    public static async ValueTask<string> UnitAsync(this FieldErrors errors, UnitDirectory units, string field, string? spelling,
        CancellationToken ct, bool required = true, IReadOnlySet<string>? kinds = null, string? kindsDescription = null)
    {
        if (string.IsNullOrWhiteSpace(spelling))
        {
            if (required) errors.Add(field, "is required");
            return "";
        }
        var unit = await units.FindAsync(spelling, ct);
        if (unit is null)
        {
            errors.Add(field, $"'{UnitSpelling.Shown(spelling)}' is not a unit of the directory");
            return "";
        }
        if (!unit.Active)
        {
            errors.Add(field, $"unit {unit.Code} ({unit.Name}) is no longer active");
            return "";
        }
        if (kinds is not null && !kinds.Contains(unit.Kind))
        {
            errors.Add(field, $"unit {unit.Code} ({unit.Name}) is a {unit.Kind}; must be {kindsDescription ?? string.Join(" or ", kinds)}");
            return "";
        }
        return unit.Code;
    }

    /// <summary>Each entry of a repeated unit field, canonical and without repeats; field[i] is named for a bad entry.</summary>
    public static async ValueTask<List<string>> UnitsAsync(this FieldErrors errors, UnitDirectory units, string field,
        IEnumerable<string> spellings, CancellationToken ct)
    {
        var codes = new List<string>();
        var i = 0;
        foreach (var spelling in spellings)
        {
            var code = await errors.UnitAsync(units, $"{field}[{i++}]", spelling, ct);
            if (code.Length > 0 && !codes.Contains(code)) codes.Add(code);
        }
        return codes;
    }

    /// <summary>The legal institutions a case can be referred to.</summary>
    public static readonly IReadOnlySet<string> LegalInstitutions = UnitKinds.LegalInstitutions;
}
