using System.Security.Cryptography;
using System.Text;

namespace Coordination.Intake.Domain;

/// <summary>
/// The second factor of the petitioner's self-service, beside the query code: the last four digits of a phone given at
/// registration (any petitioner's), or, for a petition where no one gave a phone, a four-digit PIN handed out with the
/// query code (query_pin). A code alone, as printed on a receipt, opens nothing.
/// </summary>
public static class SecondFactors
{
    public static bool IsWellFormed(string given) => given.Length == 4 && given.All(char.IsAsciiDigit);

    public static string? PinFor(IReadOnlyList<PetitionerRecord> petitioners) =>
        petitioners.Any(p => LastFour(p.Phone) is not null) ? null : RandomNumberGenerator.GetString("0123456789", 4);

    public static bool Matches(Petition petition, string given)
    {
        var expected = petition.QueryPin is { } pin ? [pin] : petition.Petitioners.Select(p => LastFour(p.Phone)).OfType<string>().ToList();
        var bytes = Encoding.ASCII.GetBytes(given);
        // Every candidate is compared in full, in constant time: timing tells nothing about which digits were right.
        return expected.Aggregate(false, (ok, e) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(e), bytes) | ok);
    }

    private static string? LastFour(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : null;
    }
}
