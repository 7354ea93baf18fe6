using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// Collects every bad field of a request, then fails with one InvalidArgument that names them all, both in the
/// message and as google.rpc.BadRequest field violations.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Problem)> _errors = [];

    public IReadOnlyList<(string Field, string Problem)> Errors => _errors;
    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string problem)
    {
        _errors.Add((field, problem));
        return this;
    }

    /// <summary>Adds the error when the condition is false.</summary>
    public FieldErrors Check(bool ok, string field, string problem) => ok ? this : Add(field, problem);

    /// <summary>An optional region_code (empty: the caller's own jurisdiction) must otherwise be a 6-digit code.</summary>
    public FieldErrors CheckOptionalRegion(string code, string problem = "must be a 6-digit code") =>
        Check(code.Length == 0 || Auth.Jurisdiction.IsRegionCode(code), "region_code", problem);

    /// <summary>
    /// A text field trimmed, checked against the longest value its column holds (Contracts.FieldLimits); empty is an
    /// error only when the field is required.
    /// </summary>
    public string Text(string value, string field, int max, bool required = true)
    {
        var text = value.Trim();
        if (text.Length == 0 && required) Add(field, "is required");
        else if (text.Length > max) Add(field, $"at most {max} characters");
        return text;
    }

    /// <summary>A list field of at most <paramref name="max"/> entries.</summary>
    public FieldErrors Entries<T>(IReadOnlyCollection<T> list, string field, int max, int min = 0) =>
        Check(list.Count >= min && list.Count <= max, field, min > 0 ? $"{min} to {max} entries" : $"at most {max} entries");

    public void ThrowIfAny()
    {
        if (!Any) return;
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_errors.Select(e => new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Problem }));
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "invalid fields: " + string.Join("; ", _errors.Select(e => $"{e.Field}: {e.Problem}")),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>A request's id plus its other checks, all named at once; throws InvalidArgument if any fails.</summary>
    public static Guid ValidId(string value, string field, Action<FieldErrors>? more = null)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(value, field);
        more?.Invoke(errors);
        errors.ThrowIfAny();
        return id;
    }

    /// <summary>Parses a required id field, recording an error when it is missing or malformed.</summary>
    public Guid RequireGuid(string value, string field)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty) return id;
        Add(field, string.IsNullOrEmpty(value) ? "is required" : "must be a UUID");
        return Guid.Empty;
    }
}
