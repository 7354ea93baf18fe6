namespace Coordination.Intake.Domain;

/// <summary>
/// 同人 + 同事: at least one of the same petitioners (identity number) and, on the same topic, a text whose
/// bigram similarity reaches the threshold, among cases registered within the repeat window. Of several, the most
/// similar wins, and of equally similar ones the latest.
/// </summary>
public static class RepeatFinder
{
    public static RepeatMatch? Find(IReadOnlyList<IdentityCases> known, string topic, MatterPrint matter, DateTimeOffset now, IntakeOptions rules)
    {
        var since = now.AddDays(-rules.RepeatWindowDays);
        RepeatMatch? best = null;
        foreach (var (identity, cases) in known)
        {
            foreach (var earlier in cases)
            {
                if (earlier.RegisteredAt < since || !string.Equals(earlier.Topic, topic, StringComparison.OrdinalIgnoreCase)) continue;
                var similarity = Math.Round(earlier.Matter.Similarity(matter), 3);
                if (similarity < rules.SameMatterSimilarity) continue;
                if (best is null || similarity > best.Similarity || (similarity == best.Similarity && earlier.RegisteredAt > best.Earlier.RegisteredAt))
                    best = new RepeatMatch(earlier, similarity,
                        $"same petitioner (identity ...{identity[^6..]}), same topic '{topic}', text similarity {similarity:0.00} (threshold {rules.SameMatterSimilarity:0.00}), " +
                        $"within {rules.RepeatWindowDays} days of {earlier.CaseNumber}");
            }
        }
        return best;
    }
}
