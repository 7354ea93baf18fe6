using System.CommandLine;
using System.Text.RegularExpressions;

namespace Coordination.Cli;

/// <summary>
/// The short commands people type (`coord ack ID`, `coord register --region …`), declared from their usage lines
/// (Commands.Usage, the one list of them): each line's words in capitals are its arguments, its --names its options
/// (a name in Commands.Flags is a switch). So an option a command does not know, a missing value or a word too many is
/// refused with the command's help, instead of ignored.
/// </summary>
public static partial class LegacyCommands
{
    public sealed record Shape(string Name, string Summary, IReadOnlyList<string> Arguments, IReadOnlyList<string> Options, bool TakesCase);

    public static IReadOnlyList<Shape> Shapes(string usage)
    {
        var shapes = new List<(string Name, List<string> Lines)>();
        foreach (var line in usage.Split('\n'))
        {
            var match = CommandLine().Match(line);
            if (match.Success) shapes.Add((match.Groups[1].Value, [line]));
            else if (line.StartsWith("        ", StringComparison.Ordinal) && shapes.Count > 0 && !line.TrimStart().StartsWith("RabbitMQ", StringComparison.Ordinal)
                     && !line.TrimStart().StartsWith("SERVICE:", StringComparison.Ordinal)) shapes[^1].Lines.Add(line);
        }
        return shapes.GroupBy(s => s.Name).Select(g =>
        {
            var lines = g.SelectMany(s => s.Lines).ToList();
            var words = g.Select(s => Placeholders(s.Lines[0])).ToList();
            var options = lines.SelectMany(l => OptionName().Matches(l).Select(m => m.Groups[1].Value)).Distinct().ToList();
            var summary = string.Join("\n", lines.Select((l, i) => i == 0 ? Spaces().Replace(l.Trim()[g.Key.Length..].Trim(), " ") : l.Trim()));
            return new Shape(g.Key, summary, words.MaxBy(w => w.Count)!, options, words.Any(w => w.Contains("CASE_ID")));
        }).ToList();
    }

    /// <summary>The words after the command's name up to its first option: positional arguments (or sub-words such as `set`).</summary>
    private static List<string> Placeholders(string line)
    {
        var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1);
        var taken = new List<string>();
        foreach (var word in words)
        {
            if (word.StartsWith("--", StringComparison.Ordinal) || word.StartsWith("[--", StringComparison.Ordinal) || word.StartsWith('(')
                || word.Contains("--", StringComparison.Ordinal)) break;
            if (!Placeholder().IsMatch(word)) break;
            taken.Add(word.Trim('[', ']'));
        }
        return taken;
    }

    public static Command For(Shape shape, GlobalOptions global)
    {
        var command = new Command(shape.Name, shape.Summary);
        // One word is a string (an array of at most one does not convert), more an array of at most that many.
        var description = shape.TakesCase ? "CASE_ID: a case id or a case number" : "as the usage line says";
        Argument<string?> word = new("argument") { HelpName = string.Join(" ", shape.Arguments), Arity = ArgumentArity.ZeroOrOne, Description = description };
        Argument<string[]> words = new("arguments") { HelpName = string.Join(" ", shape.Arguments), Arity = new ArgumentArity(0, Math.Max(shape.Arguments.Count, 2)),
            Description = description };
        if (shape.Arguments.Count == 1) command.Arguments.Add(word);
        if (shape.Arguments.Count > 1) command.Arguments.Add(words);
        var globals = global.All.Select(o => o.Name.TrimStart('-')).ToHashSet();
        var options = new List<Option>();
        foreach (var name in shape.Options.Where(n => !globals.Contains(n)))
        {
            Option option = Commands.Flags.Contains(name)
                ? new Option<bool>("--" + name)
                : new Option<string[]>("--" + name) { Description = "(repeat where the usage line says …)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
            options.Add(option);
            command.Options.Add(option);
        }
        command.SetAction(async (parsed, ct) =>
        {
            var args = new List<string>(shape.Arguments.Count > 1 ? parsed.GetValue(words) ?? [] : parsed.GetValue(word) is { } one ? [one] : []);
            args.Insert(0, shape.Name);
            foreach (var option in options)
            {
                switch (option)
                {
                    case Option<bool> flag when parsed.GetValue(flag):
                        args.Add(flag.Name);
                        break;
                    case Option<string[]> valued:
                        foreach (var value in parsed.GetValue(valued) ?? []) args.AddRange([valued.Name, value]);
                        break;
                }
            }
            foreach (var pair in global.AsArguments(parsed)) args.AddRange(pair.Split('\u0000'));
            return await Commands.RunAsync([.. args]);
        });
        return command;
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^  ([a-z][a-z-]*)(\s|$)")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"--([a-z][a-z0-9-]*)")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"^\[?[A-Z][A-Z_0-9]*\]?(\.\.\.)?$|^\[?yyyy-[A-Za-z-]+\]?$|^set$|^redrive$|^release\|discard$|^<[a-z-]+>$")]
    private static partial Regex Placeholder();
}
