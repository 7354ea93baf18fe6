using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Coordination.Cli;

/// <summary>Replies as a table (a reply that is one list) or as JSON (anything else, and always with --json, for scripts).</summary>
public static class Output
{
    public static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false).WithIndentation());
    private static readonly JsonFormatter OneLine = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private const int MaxColumns = 9;

    public static void Print(IMessage reply, bool json)
    {
        var lists = reply.Descriptor.Fields.InDeclarationOrder().Where(f => f.IsRepeated && !f.IsMap && f.FieldType == FieldType.Message).ToList();
        if (json || lists.Count != 1)
        {
            Console.WriteLine(Json.Format(reply));
            return;
        }
        var items = ((IList)lists[0].Accessor.GetValue(reply)).Cast<IMessage>().ToList();
        Table(lists[0].MessageType, items);
        foreach (var field in reply.Descriptor.Fields.InDeclarationOrder().Where(f => f != lists[0]))
            if (Text(field, reply) is { Length: > 0 } value) Console.WriteLine($"{field.Name}: {value}");
    }

    /// <summary>One message of a stream, as it comes: a line of JSON, or its fields on one line.</summary>
    public static void PrintStreamed(IMessage message, bool json) => Console.WriteLine(OneLine.Format(message));

    private static void Table(MessageDescriptor type, IReadOnlyList<IMessage> items)
    {
        var columns = type.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message || f.MessageType.FullName == Timestamp.Descriptor.FullName)
            .Where(f => items.Any(i => Text(f, i).Length > 0)).Take(MaxColumns).ToList();
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 400;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns) table.AddColumn(Markup.Escape(column.Name));
        foreach (var item in items) table.AddRow(columns.Select(c => Markup.Escape(Text(c, item))).ToArray());
        if (columns.Count == 0) table.AddColumn("(nothing)");
        AnsiConsole.Write(table);
        Console.WriteLine($"{items.Count} {(items.Count == 1 ? "entry" : "entries")}");
    }

    private static string Text(FieldDescriptor field, IMessage message)
    {
        var value = field.Accessor.GetValue(message);
        return value switch
        {
            null => "",
            IList list when field.IsRepeated => string.Join(" ", list.Cast<object>().Select(v => v is IMessage m ? OneLine.Format(m) : v.ToString())),
            Timestamp t => t.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
            IMessage m => OneLine.Format(m),
            bool b => b ? "yes" : "",
            ByteString bytes => $"{bytes.Length} bytes",
            System.Enum e => e.ToString(),
            _ => value.ToString() ?? "",
        };
    }
}
