using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Coordination.Intake.Domain;

/// <summary>
/// Makes MatterPrints: each bigram of a normalised text (MatterText) hashed with a key derived from the identity pepper.
/// Unkeyed, a bigram's hash would be found by hashing every pair of characters; keyed, not without the pepper.
/// </summary>
public sealed class MatterPrints
{
    private readonly byte[] _key;

    public MatterPrints(string pepper) =>
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), "coordination.intake.matter-bigrams"u8);

    public MatterPrint Of(string normalizedText)
    {
        Span<byte> hash = stackalloc byte[32];
        var hashes = new SortedSet<int>();
        foreach (var bigram in MatterText.Bigrams(normalizedText))
        {
            HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(bigram), hash);
            hashes.Add(BinaryPrimitives.ReadInt32LittleEndian(hash));
        }
        return new MatterPrint([.. hashes]);
    }
}
