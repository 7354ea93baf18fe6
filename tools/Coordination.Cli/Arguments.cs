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
}

public sealed class UsageException(string message) : Exception(message);
