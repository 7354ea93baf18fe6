using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// What every field of every request must be whatever its meaning, checked before any handler runs: text without
/// control characters (other than tab and line breaks) or unpaired surrogates, times between 1900 and 2199, and no
/// list or text beyond the largest any column holds. The limit each column allows is checked by the handler
/// (FieldErrors.Text and the service's FieldLimits); this is the floor beneath those checks.
/// </summary>
public static class WellFormedFields
{
    /// <summary>The longest text column of any service (minutes, positions).</summary>
    public const int MaxText = 8000;
    /// <summary>The most entries a list of any request may hold.</summary>
    public const int MaxEntries = 1000;

    private static readonly long Earliest = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private static readonly long Latest = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public static FieldErrors Check(IMessage message, FieldErrors errors, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap) continue;
            if (field.IsRepeated)
            {
                var list = (IList)value;
                if (list.Count > MaxEntries) errors.Add(name, $"at most {MaxEntries} entries");
                else for (var i = 0; i < list.Count; i++) CheckValue(field, list[i], $"{name}[{i}]", errors);
            }
            else CheckValue(field, value, name, errors);
        }
        return errors;
    }

    private static void CheckValue(FieldDescriptor field, object? value, string name, FieldErrors errors)
    {
        switch (value)
        {
            case string text when TextProblem(text) is { } problem:
                errors.Add(name, problem);
                break;
            case Timestamp time when time.Seconds < Earliest || time.Seconds >= Latest || time.Nanos is < 0 or > 999_999_999:
                errors.Add(name, "must be a time between 1900 and 2199");
                break;
            case IMessage nested when field.FieldType == FieldType.Message && nested is not Timestamp:
                Check(nested, errors, name + ".");
                break;
        }
    }

    /// <summary>Why a text is not acceptable in any field, or null.</summary>
    public static string? TextProblem(string text)
    {
        if (text.Length > MaxText) return $"at most {MaxText} characters";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r') continue;
            if (c < ' ' || c == '\u007f') return "must not contain control characters";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "must be valid Unicode text";
        }
        return null;
    }
}
