namespace Coordination.Intake.Domain;

/// <summary>
/// A text's character bigrams as keyed hashes (MatterPrints), sorted and distinct: enough to measure how alike two
/// matters are (MatterText's Jaccard similarity, on hashes instead of bigrams), too little to read the matter back.
/// This is what Redis keeps of a case's summary.
/// </summary>
public sealed record MatterPrint(int[] Bigrams)
{
    public double Similarity(MatterPrint other)
    {
        if (Bigrams.Length == 0 && other.Bigrams.Length == 0) return 1;
        int i = 0, j = 0, shared = 0;
        while (i < Bigrams.Length && j < other.Bigrams.Length)
        {
            var order = Bigrams[i].CompareTo(other.Bigrams[j]);
            if (order == 0) { shared++; i++; j++; }
            else if (order < 0) i++;
            else j++;
        }
        return (double)shared / (Bigrams.Length + other.Bigrams.Length - shared);
    }
}
