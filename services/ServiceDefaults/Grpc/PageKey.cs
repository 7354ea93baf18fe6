using System.Globalization;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// Where a page ended: the sort values of its last row, in the list's order (for keyset paging, e.g. "assigned at, then
/// id"). A key read from a token has already been checked against the list's shape, so its accessors do not fail.
/// </summary>
public sealed class PageKey
{
    private readonly string[] _parts;

    internal PageKey(string[] parts) => _parts = parts;

    internal IReadOnlyList<string> Parts => _parts;

    /// <summary>A key of DateTimeOffset, DateTime (UTC), Guid, string, int or long values.</summary>
    public static PageKey Of(params object[] values) => new(values.Select(Write).ToArray());

    public DateTimeOffset Time(int index) => new(long.Parse(_parts[index], CultureInfo.InvariantCulture), TimeSpan.Zero);
    public DateTime UtcTime(int index) => new(long.Parse(_parts[index], CultureInfo.InvariantCulture), DateTimeKind.Utc);
    public Guid Id(int index) => Guid.ParseExact(_parts[index], "N");
    public string Text(int index) => _parts[index];
    public long Number(int index) => long.Parse(_parts[index], CultureInfo.InvariantCulture);

    internal static bool Reads(string part, PagePart kind) => kind switch
    {
        PagePart.Time => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks,
        PagePart.Id => Guid.TryParseExact(part, "N", out _),
        PagePart.Number => long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static string Write(object value) => value switch
    {
        DateTimeOffset t => t.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateTime t => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).Ticks.ToString(CultureInfo.InvariantCulture),
        Guid id => id.ToString("N"),
        string s => s,
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a page key cannot hold a {value.GetType().Name}", nameof(value)),
    };
}
