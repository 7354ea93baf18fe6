namespace Coordination.Directory.Domain;

/// <summary>Parents form a tree: a unit may not become its own ancestor.</summary>
public static class UnitTree
{
    /// <param name="parentOf">The current parent of each unit code.</param>
    public static bool WouldCycle(string code, string newParent, IReadOnlyDictionary<string, string?> parentOf)
    {
        var seen = new HashSet<string>();
        for (string? at = newParent; at is not null && seen.Add(at); at = parentOf.GetValueOrDefault(at))
            if (at == code) return true;
        return false;
    }
}
