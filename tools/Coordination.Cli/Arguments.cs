namespace Coordination.Cli;

/// <summary>--name value pairs, repeatable flags and positional words, in the order given.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new();
    private readonly HashSet<string> _flags = [];
    public List<string> Positional { get; } = [];

    public Arguments(IEnumerable<string> args, IReadOnlySet<string> flagNames)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal)) { Positional.Add(a); continue; }
            var name = a[2..];
            if (flagNames.Contains(name)) { _flags.Add(name); continue; }
            if (!e.MoveNext()) throw new UsageException($"--{name} needs a value");
            if (!_options.TryGetValue(name, out var values)) _options[name] = values = [];
            values.Add(e.Current);
        }
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;
    public string Get(string name, string fallback) => Get(name) ?? fallback;
    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var v) ? v : [];
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>A whole number, or a usage error naming the option (never a stack trace).</summary>
    public int Number(string name, int fallback = 0) =>
        Get(name) is not { } text ? fallback : int.TryParse(text, out var n) ? n : throw new UsageException($"--{name} must be a whole number, not '{text}'");

    /// <summary>An instant (2026-12-01T10:00+08:00, or a date), or a usage error naming the option.</summary>
    public static DateTimeOffset Instant(string text, string name) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var instant)
            ? instant
            : throw new UsageException($"--{name} must be an instant such as 2026-12-01T10:00+08:00, not '{text}'");
}

public sealed class UsageException(string message) : Exception(message);
