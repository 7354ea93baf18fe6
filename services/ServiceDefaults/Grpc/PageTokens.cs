using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// Keyset paging for every List/Search method (ADR 23): page_size (0: the list's <see cref="DefaultSize"/>; negative or above
/// <see cref="MaxSize"/>: InvalidArgument, as every list refused before) and an opaque page_token that carries the
/// last row's sort key, the list it came from and a fingerprint of the query's other fields. A token that does not
/// decode, fails its checksum, belongs to another list or another query, or whose key does not read as the list's shape
/// is InvalidArgument naming page_token. The token grants nothing: the method applies the caller's scope on every page.
/// </summary>
/// <example>
/// private static readonly PageTokens Pages = new("intake.ListPetitions", PagePart.Time, PagePart.Id);
/// var page = Pages.Read(errors, request.PageSize, request.PageToken, query: $"{request.RegionCode}");
/// ... rows where (registered_at, id) &lt; (page.After.Time(0), page.After.Id(1)), ordered so, .Take(page.Fetch)
/// var (items, next) = Pages.Page(rows, page, r => PageKey.Of(r.RegisteredAt, r.Id));
/// </example>
public sealed class PageTokens(string list, params PagePart[] shape)
{
    public const int MaxSize = 500;
    private const string Version = "p1";
    private const int TagBytes = 12;
    private static readonly byte[] TagKey = Encoding.UTF8.GetBytes("coordination page token v1");

    public string List => list;

    /// <summary>The page when page_size is 0: 50 for a new list; a list that had no paging keeps what it returned before (500).</summary>
    public int DefaultSize { get; init; } = 50;

    /// <summary>Reads page_size and page_token, recording each bad one on <paramref name="errors"/>.</summary>
    public PageRequest Read(FieldErrors errors, int pageSize, string pageToken, string query = "")
    {
        errors.Check(pageSize is >= 0 and <= MaxSize, "page_size", $"must be 0 to {MaxSize} (0: {DefaultSize})");
        var size = pageSize is > 0 and <= MaxSize ? pageSize : DefaultSize;
        if (string.IsNullOrEmpty(pageToken)) return new PageRequest(size, null, query);
        var after = Decode(pageToken, query, out var problem);
        if (after is null) errors.Add("page_token", problem);
        return new PageRequest(size, after, query);
    }

    /// <summary>
    /// The page out of up to <see cref="PageRequest.Fetch"/> rows read in the list's order, and the token of the next
    /// page (empty when none follows).
    /// </summary>
    public (IReadOnlyList<T> Items, string NextPageToken) Page<T>(IReadOnlyList<T> fetched, PageRequest page, Func<T, PageKey> keyOf)
    {
        if (fetched.Count <= page.Size) return (fetched, "");
        var items = fetched.Take(page.Size).ToList();
        return (items, Token(keyOf(items[^1]), page.Query));
    }

    /// <summary>
    /// A page of a list whose scope is checked row by row after reading (<paramref name="visible"/>): reads
    /// <see cref="PageRequest.Fetch"/> rows at a time after the key (null: from the start), in the list's order, until a
    /// page and one more are visible or the rows run out, so a page is short only when it is the last.
    /// </summary>
    public async Task<(IReadOnlyList<T> Items, string NextPageToken)> PageAsync<T>(PageRequest page,
        Func<PageKey?, int, Task<IReadOnlyList<T>>> readAfter, Func<T, PageKey> keyOf, Func<T, bool> visible)
    {
        var kept = new List<T>();
        var after = page.After;
        while (true)
        {
            var chunk = await readAfter(after, page.Fetch);
            foreach (var row in chunk.Where(visible))
            {
                kept.Add(row);
                if (kept.Count == page.Fetch) return Page(kept, page, keyOf);
            }
            if (chunk.Count < page.Fetch) return Page(kept, page, keyOf);
            after = keyOf(chunk[^1]);
        }
    }

    /// <summary>A page of rows already in memory, in the list's order, after <paramref name="isAfter"/> the token's key.</summary>
    public (IReadOnlyList<T> Items, string NextPageToken) PageOf<T>(IEnumerable<T> ordered, PageRequest page, Func<T, PageKey, bool> isAfter,
        Func<T, PageKey> keyOf) =>
        Page((page.After is { } after ? ordered.Where(r => isAfter(r, after)) : ordered).Take(page.Fetch).ToList(), page, keyOf);

    /// <summary>The token of the page that starts after <paramref name="last"/>.</summary>
    public string Token(PageKey last, string query = "")
    {
        if (last.Parts.Count != shape.Length) throw new ArgumentException($"{list}'s page key has {shape.Length} parts", nameof(last));
        var payload = JsonSerializer.SerializeToUtf8Bytes(new[] { Version, list, Fingerprint(query) }.Concat(last.Parts).ToArray());
        return Base64Url(payload.Concat(Tag(payload)).ToArray());
    }

    private PageKey? Decode(string token, string query, out string problem)
    {
        problem = "is not a page token of this list; pass back the next_page_token of the previous page unchanged";
        if (token.Length > 2048 || FromBase64Url(token) is not { Length: > TagBytes } bytes) return null;
        var payload = bytes[..^TagBytes];
        if (!CryptographicOperations.FixedTimeEquals(Tag(payload), bytes[^TagBytes..])) return null;
        string[]? parts;
        try { parts = JsonSerializer.Deserialize<string[]>(payload); }
        catch (JsonException) { return null; }
        if (parts is null || parts.Length != 3 + shape.Length || parts[0] != Version || parts[1] != list) return null;
        if (parts[2] != Fingerprint(query))
        {
            problem = "belongs to the same list with other filters; start again without a page_token";
            return null;
        }
        var key = parts[3..];
        if (key.Where((part, i) => part is null || !PageKey.Reads(part, shape[i])).Any()) return null;
        return new PageKey(key);
    }

    private static string Fingerprint(string query) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)), 0, 8);

    private static byte[] Tag(byte[] payload) => HMACSHA256.HashData(TagKey, payload)[..TagBytes];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var written) ? buffer[..written] : null;
    }
}
