using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>One request to send: what was spoiled (for the failure list) and its bytes on the wire.</summary>
public sealed record FuzzCase(string Spoiled, byte[] Body);

/// <summary>
/// Requests made from a method's input descriptor alone: a plausible baseline (ids of things that exist where known,
/// else UUIDs; regions and units are real, dates are dates), then one field at a time spoiled with each bad value its
/// type allows; plus bytes that are no message at all (truncated, invalid UTF-8).
/// </summary>
public sealed class FuzzMessages(IReadOnlyDictionary<string, string> knownIds)
{
    private const int OverLong = 20_000;
    private const int ManyEntries = 5_000;

    /// <summary>
    /// One character past each column size in use (32, 64, 200, 256, 500, 1000, 2000, 4000, 8000), just under some (a
    /// stored value may add a prefix to the caller's), and far beyond.
    /// </summary>
    private static readonly string[] BadTexts =
    [
        .. new[] { 33, 65, 190, 201, 257, 501, 990, 1001, 1990, 2001, 3990, 4001, 7990, 8001, OverLong }.Select(n => new string('长', n)), "", "   ", "a\u0000b", "a\u0001\u001bb", "\u202e\u0007", "9999-12-31", "0001-01-01", "-1",
        "2026-02-30", "00000000-0000-0000-0000-000000000000", "320100' OR '1'='1",
    ];

    public IEnumerable<FuzzCase> For(MessageDescriptor input)
    {
        yield return new FuzzCase("(empty message)", []);
        yield return new FuzzCase("(baseline)", Baseline(input).ToByteArray());
        var baseline = Baseline(input).ToByteArray();
        yield return new FuzzCase("(truncated)", baseline.Length > 1 ? baseline[..^1] : [0x0a, 0x05, 0x41]);
        yield return new FuzzCase("(garbage)", [0xff, 0xff, 0xff, 0xff, 0x0f, 0x08]);
        foreach (var field in input.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.String))
            yield return new FuzzCase($"{field.Name}=(invalid UTF-8)", WithRawString(Baseline(input, except: field), field.FieldNumber, [0x61, 0xed, 0xa0, 0x80, 0xff]));
        foreach (var (path, spoil) in Spoilers(input, ""))
        {
            var message = Baseline(input);
            spoil(message);
            yield return new FuzzCase(path, message.ToByteArray());
        }
    }

    /// <summary>Every field of the message (and one level of nested messages), each with each of its bad values.</summary>
    private IEnumerable<(string Path, Action<IMessage> Spoil)> Spoilers(MessageDescriptor descriptor, string prefix)
    {
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.Name;
            if (field.IsMap) continue;
            if (field.IsRepeated)
            {
                yield return ($"{name}=(empty list)", m => List(m, field).Clear());
                foreach (var entries in new[] { 21, 51, 101, ManyEntries })
                    yield return ($"{name}=({entries} entries)", m =>
                    {
                        var list = List(m, field);
                        for (var i = 0; i < entries; i++) list.Add(Plausible(field));
                    });
                foreach (var bad in BadValues(field))
                    yield return ($"{name}[0]={Describe(bad)}", m => { var list = List(m, field); list.Clear(); list.Add(bad); });
                if (field.FieldType == FieldType.Message && field.MessageType.ClrType != typeof(Timestamp) && prefix.Length == 0)
                    foreach (var (inner, spoil) in Spoilers(field.MessageType, $"{name}[0]."))
                        yield return (inner, m => spoil((IMessage)List(m, field)[0]!));
                continue;
            }
            foreach (var bad in BadValues(field))
                yield return ($"{name}={Describe(bad)}", m => field.Accessor.SetValue(m, bad));
            if (field.FieldType == FieldType.Message && field.MessageType.ClrType != typeof(Timestamp) && prefix.Length == 0)
                foreach (var (inner, spoil) in Spoilers(field.MessageType, name + "."))
                    yield return (inner, m => spoil(Nested(m, field)));
        }
    }

    /// <summary>The nested message to spoil; one of a oneof that the baseline left unset is set to a fresh one first.</summary>
    private static IMessage Nested(IMessage message, FieldDescriptor field)
    {
        if (field.Accessor.GetValue(message) is IMessage nested) return nested;
        var fresh = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
        field.Accessor.SetValue(message, fresh);
        return fresh;
    }

    private static IEnumerable<object> BadValues(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => BadTexts,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => [int.MinValue, -1, 0, int.MaxValue],
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => [long.MinValue, -1L, 0L, long.MaxValue],
        FieldType.UInt32 or FieldType.Fixed32 => [0u, uint.MaxValue],
        FieldType.UInt64 or FieldType.Fixed64 => [0ul, ulong.MaxValue],
        FieldType.Double => [double.NaN, double.PositiveInfinity, -1d, double.MaxValue],
        FieldType.Float => [float.NaN, float.NegativeInfinity, float.MaxValue],
        FieldType.Bool => [true, false],
        FieldType.Bytes => [ByteString.CopyFrom(new byte[OverLong])],
        FieldType.Enum => [-1, 0, 999],
        FieldType.Message when field.MessageType.ClrType == typeof(Timestamp) =>
        [
            new Timestamp { Seconds = long.MaxValue }, new Timestamp { Seconds = long.MinValue }, new Timestamp { Seconds = 0, Nanos = -1 },
            Timestamp.FromDateTimeOffset(DateTimeOffset.MaxValue), Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue),
        ],
        _ => [],
    };

    private static string Describe(object value) => value switch
    {
        string { Length: > 40 } s => $"({s.Length} chars)",
        string s => $"\"{string.Concat(s.Select(c => c < ' ' || c > '~' && c < '\u00a0' || c == '\u202e' ? $"\\u{(int)c:x4}" : c.ToString()))}\"",
        ByteString b => $"({b.Length} bytes)",
        Timestamp t => $"Timestamp({t.Seconds}s, {t.Nanos}ns)",
        _ => value.ToString() ?? "",
    };

    /// <summary>A message whose fields hold values of the right shape, so a spoiled field is checked past the others.</summary>
    public IMessage Baseline(MessageDescriptor descriptor, FieldDescriptor? except = null, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field == except || field.IsMap || depth > 2) continue;
            var value = Plausible(field, depth);
            if (field.IsRepeated) List(message, field).Add(value);
            else field.Accessor.SetValue(message, value);
        }
        return message;
    }

    private object Plausible(FieldDescriptor field, int depth = 0)
    {
        var name = field.Name;
        return field.FieldType switch
        {
            FieldType.String when knownIds.TryGetValue(name.TrimEnd('s'), out var known) => known,
            FieldType.String when name.EndsWith("_id") || name.EndsWith("_ids") || name == "id" => Guid.NewGuid().ToString(),
            FieldType.String when name.Contains("region") => "320102",
            FieldType.String when name.Contains("unit") || name is "owner" or "parties" or "attended" or "institution" or "target" or "to" =>
                "xuanwu-housing-office",
            FieldType.String when name.Contains("date") || name.EndsWith("_by") || name is "from" or "until" or "day" or "on" => "2026-12-01",
            FieldType.String when name.Contains("month") => "2026-11",
            FieldType.String => "测试 " + name,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.Enum => 1,
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 1L,
            FieldType.UInt32 or FieldType.Fixed32 => 1u,
            FieldType.UInt64 or FieldType.Fixed64 => 1ul,
            FieldType.Double => 1d,
            FieldType.Float => 1f,
            FieldType.Bool => true,
            FieldType.Bytes => ByteString.CopyFromUtf8("x"),
            FieldType.Message when field.MessageType.ClrType == typeof(Timestamp) => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
            FieldType.Message => Baseline(field.MessageType, depth: depth + 1),
            _ => throw new NotSupportedException(field.FieldType.ToString()),
        };
    }

    private static IList List(IMessage message, FieldDescriptor field) => (IList)field.Accessor.GetValue(message);

    /// <summary>The message's bytes followed by a length-delimited field holding bytes that are not UTF-8.</summary>
    private static byte[] WithRawString(IMessage message, int fieldNumber, byte[] raw)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        message.WriteTo(output);
        output.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(raw));
        output.Flush();
        return stream.ToArray();
    }
}
