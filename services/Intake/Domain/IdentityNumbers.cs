using System.Security.Cryptography;
using System.Text;

namespace Coordination.Intake.Domain;

/// <summary>Resident identity numbers: validated, stored only as a keyed hash and a masked form.</summary>
public sealed class IdentityNumbers(string pepper)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    /// <summary>18 characters, 17 digits and a GB 11643 check character.</summary>
    public static bool IsValid(string value) =>
        value.Length == 18 && value[..17].All(char.IsAsciiDigit) && char.ToUpperInvariant(value[17]) == CheckCharacter(value[..17]);

    /// <summary>The GB 11643 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * Weights[i];
        return CheckDigits[sum % 11];
    }

    public static string Mask(string value) => value[..6] + new string('*', 8) + value[14..].ToUpperInvariant();

    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.UTF8.GetBytes(value.ToUpperInvariant())));
}
