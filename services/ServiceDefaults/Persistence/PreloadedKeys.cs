namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The rows a group commit's transaction locked and loaded before its batch's effects ran (an IBeforeGroupApply step),
/// by table and key: an effect finds a loaded row in the unit of work, and creates one known to be absent without
/// asking again. Bound to the transaction that loaded them: a pooled context leased again later ignores them.
/// </summary>
public sealed class PreloadedKeys(object? transaction)
{
    // Per table, the keys asked for and found: HashSet<TKey> each (a Guid, or a tuple for a composite key).
    private readonly Dictionary<string, (object Asked, object Found)> _tables = [];

    public void Loaded<TKey>(string table, IEnumerable<TKey> asked, IEnumerable<TKey> found) =>
        _tables[table] = (new HashSet<TKey>(asked), new HashSet<TKey>(found));

    /// <summary>Asked for in this transaction: a row is in the unit of work (<see cref="Found"/>) or there is none.</summary>
    public bool Asked<TKey>(ServiceDbContext db, string table, TKey key) => Keys<TKey>(db, table, found: false)?.Contains(key) == true;

    public bool Found<TKey>(ServiceDbContext db, string table, TKey key) => Keys<TKey>(db, table, found: true)?.Contains(key) == true;

    /// <summary>Asked for in this transaction and not found: no row to lock or read.</summary>
    public bool Absent<TKey>(ServiceDbContext db, string table, TKey key) => Asked(db, table, key) && !Found(db, table, key);

    // Keys of another type than the table was loaded with are not known here: the caller asks the database, as without a preload.
    private HashSet<TKey>? Keys<TKey>(ServiceDbContext db, string table, bool found) =>
        Holds(db) && _tables.TryGetValue(table, out var t) ? (found ? t.Found : t.Asked) as HashSet<TKey> : null;

    private bool Holds(ServiceDbContext db) => transaction is not null && ReferenceEquals(transaction, db.Database.CurrentTransaction);
}
