using System.Collections;
using System.CommandLine;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Coordination.Cli.Grpc;

/// <summary>
/// A request's fields as typed options (--case-id, --page-size as a number, an enum among its values, a time as an
/// instant, a repeated field given again and again, a list of messages as JSON), and the request built back from them.
/// A nested message's own fields are options of their own (--proof-query-code).
/// </summary>
public sealed partial class FieldOptions
{
    private readonly List<(FieldDescriptor[] Path, Option Option)> _options = [];

    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    public FieldOptions(MessageDescriptor request, IReadOnlySet<string>? leaveOut = null)
    {
        foreach (var field in request.Fields.InDeclarationOrder().Where(f => leaveOut?.Contains(f.Name) != true)) Add([field], "");
    }

    private void Add(FieldDescriptor[] path, string prefix)
    {
        var field = path[^1];
        var name = "--" + prefix + Kebab(field.Name);
        if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap && !IsTimestamp(field))
        {
            foreach (var inner in field.MessageType.Fields.InDeclarationOrder()) Add([.. path, inner], prefix + Kebab(field.Name) + "-");
            return;
        }
        Option option = field switch
        {
            { IsMap: true } => new Option<string>(name) { Description = "a JSON object" },
            { IsRepeated: true, FieldType: FieldType.Message } => new Option<string[]>(name)
                { Description = $"a {field.MessageType.Name} as JSON ({{\"field\": value}}); repeat for more" },
            { IsRepeated: true } => Repeated(field, name),
            { FieldType: FieldType.Enum } => Enum(field, name),
            { FieldType: FieldType.Bool } => new Option<bool>(name) { Description = "a switch" },
            { FieldType: FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 } => new Option<int>(name) { Description = "a whole number" },
            { FieldType: FieldType.UInt32 or FieldType.Fixed32 } => new Option<uint>(name) { Description = "a whole number, 0 or more" },
            { FieldType: FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 } => new Option<long>(name) { Description = "a whole number" },
            { FieldType: FieldType.UInt64 or FieldType.Fixed64 } => new Option<ulong>(name) { Description = "a whole number, 0 or more" },
            { FieldType: FieldType.Double or FieldType.Float } => new Option<double>(name) { Description = "a number" },
            _ when IsTimestamp(field) => new Option<DateTimeOffset>(name) { Description = "an instant: 2026-12-01T10:00+08:00 (or a date)" },
            { FieldType: FieldType.Bytes } => new Option<FileInfo>(name) { Description = "a file whose bytes are sent" },
            _ when IsCaseId(field.Name) => new Option<string>(name) { Description = "a case id or a case number (320102-2026-000123)" },
            _ => new Option<string>(name) { Description = "text" },
        };
        _options.Add((path, option));
    }

    private static Option Repeated(FieldDescriptor field, string name)
    {
        if (field.FieldType == FieldType.Enum)
        {
            var values = EnumValues(field);
            var option = new Option<string[]>(name) { Description = $"one of {string.Join(", ", values)}; repeat for more" };
            option.AcceptOnlyFromAmong([.. values]);
            return option;
        }
        return field.FieldType switch
        {
            FieldType.Int32 or FieldType.SInt32 => new Option<int[]>(name) { Description = "a whole number; repeat for more" },
            FieldType.Int64 or FieldType.SInt64 => new Option<long[]>(name) { Description = "a whole number; repeat for more" },
            _ => new Option<string[]>(name) { Description = IsCaseId(field.Name) ? "a case id or number; repeat for more" : "repeat for more" },
        };
    }

    private static Option Enum(FieldDescriptor field, string name)
    {
        var values = EnumValues(field);
        var option = new Option<string>(name) { Description = $"one of {string.Join(", ", values)}" };
        option.AcceptOnlyFromAmong([.. values]);
        return option;
    }

    /// <summary>An enum's values as typed: CHANNEL_LEADER_RECEPTION_DAY is leader_reception_day (UNSPECIFIED is the default, not a choice).</summary>
    private static List<string> EnumValues(FieldDescriptor field)
    {
        var prefix = ScreamingSnake(field.EnumType.Name) + "_";
        return field.EnumType.Values.Where(v => v.Number != 0).Select(v => Strip(v.Name, prefix)).ToList();
    }

    private static string Strip(string value, string prefix) => (value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value).ToLowerInvariant();

    /// <summary>The request the options describe; case numbers in case fields are resolved by <paramref name="caseId"/>.</summary>
    public async Task<IMessage> BuildAsync(MessageDescriptor type, ParseResult parsed, Func<string, Task<string>> caseId)
    {
        var request = type.Parser.ParseFrom(ByteString.Empty);
        foreach (var (path, option) in _options)
        {
            var result = parsed.GetResult(option);
            if (result is null || result.Implicit) continue;
            var target = Target(request, path);
            var field = path[^1];
            var value = result.GetValueOrDefault<object?>();
            switch (value)
            {
                case null:
                    break;
                case string[] texts when field.FieldType == FieldType.Message:
                    foreach (var text in texts) List(target, field).Add(Json(field.MessageType, text, option.Name));
                    break;
                case string[] texts when field.FieldType == FieldType.Enum:
                    foreach (var text in texts) List(target, field).Add(EnumValue(field, text));
                    break;
                case string[] texts:
                    foreach (var text in texts) List(target, field).Add(IsCaseId(field.Name) ? await caseId(text) : text);
                    break;
                case IEnumerable numbers when field.IsRepeated:
                    foreach (var n in numbers) List(target, field).Add(n);
                    break;
                case string text when field.FieldType == FieldType.Enum:
                    field.Accessor.SetValue(target, EnumValue(field, text));
                    break;
                case string text when field.IsMap:
                    var holder = Json(field.ContainingType, $"{{\"{field.JsonName}\": {text}}}", option.Name);
                    foreach (DictionaryEntry entry in (IDictionary)field.Accessor.GetValue(holder)) ((IDictionary)field.Accessor.GetValue(target))[entry.Key] = entry.Value;
                    break;
                case string text:
                    field.Accessor.SetValue(target, IsCaseId(field.Name) ? await caseId(text) : text);
                    break;
                case DateTimeOffset instant:
                    field.Accessor.SetValue(target, Timestamp.FromDateTimeOffset(instant));
                    break;
                case FileInfo file:
                    field.Accessor.SetValue(target, ByteString.CopyFrom(await File.ReadAllBytesAsync(file.FullName)));
                    break;
                default:
                    field.Accessor.SetValue(target, value);
                    break;
            }
        }
        return request;
    }

    private static IMessage Target(IMessage request, FieldDescriptor[] path)
    {
        var target = request;
        foreach (var outer in path[..^1])
        {
            if (outer.Accessor.GetValue(target) is not IMessage inner)
            {
                inner = outer.MessageType.Parser.ParseFrom(ByteString.Empty);
                outer.Accessor.SetValue(target, inner);
            }
            target = inner;
        }
        return target;
    }

    private static IList List(IMessage target, FieldDescriptor field) => (IList)field.Accessor.GetValue(target);

    private static object EnumValue(FieldDescriptor field, string text)
    {
        var prefix = ScreamingSnake(field.EnumType.Name) + "_";
        var value = field.EnumType.Values.First(v => Strip(v.Name, prefix) == text);
        return System.Enum.ToObject(field.EnumType.ClrType, value.Number);
    }

    private static IMessage Json(MessageDescriptor type, string text, string option)
    {
        try
        {
            return JsonParser.Default.Parse(text, type);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new UsageException($"{option}: not a {type.Name} in JSON ({ex.Message})");
        }
    }

    public static bool IsTimestamp(FieldDescriptor field) => field.FieldType == FieldType.Message && field.MessageType.FullName == Timestamp.Descriptor.FullName;

    public static bool IsCaseId(string name) => name is "case_id" or "case_ids";

    public static string Kebab(string snake) => snake.Replace('_', '-');

    public static string ScreamingSnake(string pascal) => MyRegex().Replace(pascal, "$1_$2").ToUpperInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex MyRegex();
}
