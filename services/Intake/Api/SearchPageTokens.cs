using System.Security.Cryptography;
using System.Text;

namespace Coordination.Intake.Api;

/// <summary>
/// Page tokens of SearchPetitions: the last row's (registered_at, id) and a digest of the search they belong to (the caller
/// and every criterion), signed with a key derived from the identity pepper. A token altered in any byte, made up, or
/// carried over to another search or another caller does not verify, and is InvalidArgument.
/// </summary>
public sealed class SearchPageTokens(string pepper)
{
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), "coordination.intake.search-page-token"u8);

    public sealed record Position(DateTimeOffset RegisteredAt, Guid Id);

    public string For(Position last, string search)
    {
        var payload = Encoding.UTF8.GetBytes($"{last.RegisteredAt.UtcTicks}|{last.Id:N}|{Digest(search)}");
        return $"{Base64Url.Encode(payload)}.{Base64Url.Encode(Sign(payload))}";
    }

    public Position? Read(string token, string search)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || !Base64Url.TryDecode(parts[0], out var payload) || !Base64Url.TryDecode(parts[1], out var signature)) return null;
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature)) return null;
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        return fields.Length == 3 && fields[2] == Digest(search) && long.TryParse(fields[0], out var ticks) && Guid.TryParseExact(fields[1], "N", out var id)
            ? new Position(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload)[..16];

    private static string Digest(string search) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(search))[..12]);

    private static class Base64Url
    {
        public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string text, out byte[] bytes)
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            bytes = new byte[padded.Length];
            if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || !Convert.TryFromBase64String(padded, bytes, out var written)) return false;
            bytes = bytes[..written];
            // Only the one spelling this service writes: a last character that differs in its unused bits is a different token.
            return Encode(bytes) == text;
        }
    }
}
