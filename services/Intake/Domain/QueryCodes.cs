using System.Security.Cryptography;

namespace Coordination.Intake.Domain;

/// <summary>Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), read out to the petitioner.</summary>
public static class QueryCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);
}
