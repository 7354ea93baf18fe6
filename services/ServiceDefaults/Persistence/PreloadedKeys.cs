namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The rows a group commit's transaction locked and loaded before its batch's effects ran (an IBeforeGroupApply step),
/// by table and key: an effect finds a loaded row in the unit of work, and creates one known to be absent without
/// asking again. Bound to the transaction that loaded them: a pooled context leased again later ignores them.
/// </summary>
public sealed class PreloadedKeys(object? transaction)
{
    private readonly Dictionary<string, (HashSet<Guid> Asked, HashSet<Guid> Found)> _tables = [];

    public void Loaded(string table, IEnumerable<Guid> asked, IEnumerable<Guid> found) => _tables[table] = ([.. asked], [.. found]);

    /// <summary>Asked for in this transaction: a row is in the unit of work (<see cref="Found"/>) or there is none.</summary>
    public bool Asked(ServiceDbContext db, string table, Guid key) =>
        Holds(db) && _tables.TryGetValue(table, out var t) && t.Asked.Contains(key);

    public bool Found(ServiceDbContext db, string table, Guid key) =>
        Holds(db) && _tables.TryGetValue(table, out var t) && t.Found.Contains(key);

    /// <summary>Asked for in this transaction and not found: no row to lock or read.</summary>
    public bool Absent(ServiceDbContext db, string table, Guid key) => Asked(db, table, key) && !_tables[table].Found.Contains(key);

    private bool Holds(ServiceDbContext db) => transaction is not null && ReferenceEquals(transaction, db.Database.CurrentTransaction);
}
