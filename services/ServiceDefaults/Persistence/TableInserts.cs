using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The rows a save adds to a plain table, written as one statement for the table instead of one per row (issue 15): a
/// group commit adds dozens of timeline entries, outbox rows or deadlines, and EF Core builds, parameterises and sends an
/// INSERT for each — the largest share of the services' CPU left, and a statement each for PostgreSQL to run. Here each
/// table's rows go as one array per column (<c>INSERT … SELECT FROM unnest($1::uuid[], …)</c>, the same text whatever the
/// number of rows, so it stays prepared), every table in one round trip, before EF Core saves the rest. Values the
/// database generates (an identity, a default, xmin) come back and are set on the rows, as EF Core would set them;
/// the rows are then tracked as unchanged, exactly as after EF Core's own insert.
/// Only tables EF Core would write with plain columns qualify (<see cref="TablePlan"/>): no JSON-mapped or table-sharing
/// owned parts (an owned type with a table of its own is a table like any other, written after its owner), no inheritance,
/// no shared table, collection columns only of text, uuid or whole numbers, nothing whose key the database makes that
/// another table points at. A table's rows that would need different columns (one row sets a value with a database default, another does
/// not) go through EF Core, and so does anything pointing at them. Used inside an explicit transaction only (the group
/// commits'): a save without one is EF Core's own.
/// </summary>
public static partial class TableInserts
{
    private static long _rows, _statements;

    /// <summary>Off: every row through EF Core (Persistence:TableInserts false; for measuring the difference).</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Rows written this way since start, in this process.</summary>
    public static long Rows => Interlocked.Read(ref _rows);

    /// <summary>Statements that wrote them (one a table a save).</summary>
    public static long Statements => Interlocked.Read(ref _statements);

    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Plans = new();

    /// <summary>Writes the qualifying added rows and marks them unchanged; returns how many rows were written.</summary>
    internal static async Task<int> WriteAsync(DbContext db, CancellationToken ct)
    {
        if (!Enabled || db.Database.CurrentTransaction is null) return 0;
        // One look at the tracked rows: the plain tables' added rows, and the tables EF Core will write this time — every
        // table pointing at those must follow them there. A table that also loses rows in this save is EF Core's: a row
        // deleted and added again under the same key is one UPDATE to EF Core, and an insert here, before EF Core's
        // delete, would meet the old row.
        var groups = new Dictionary<TablePlan, List<EntityEntry>>();
        var byEf = new HashSet<IEntityType>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted) byEf.Add(entry.Metadata);
            if (entry.State != EntityState.Added) continue;
            if (PlanFor(entry.Metadata) is not { } plan)
            {
                byEf.Add(entry.Metadata);
                continue;
            }
            if (!groups.TryGetValue(plan, out var rows)) groups[plan] = rows = [];
            rows.Add(entry);
        }
        foreach (var plan in groups.Keys.Where(p => byEf.Contains(p.EntityType)).ToList()) groups.Remove(plan);
        if (groups.Count == 0) return 0;
        OrderOwnedAsTheirCollections(groups);

        var writes = new List<(TablePlan Plan, List<EntityEntry> Rows, IProperty[] Omitted)>();
        foreach (var (plan, rows) in groups.OrderBy(g => g.Key.Rank))
        {
            var omitted = plan.OmittedFor(rows);
            if (omitted is null || plan.Principals.Any(byEf.Contains))
            {
                byEf.Add(plan.EntityType);
                continue;
            }
            writes.Add((plan, rows, omitted));
        }
        if (writes.Count == 0) return 0;

        await using var batch = db.Database.BatchInTransaction("the rows commit with the rest of the unit of work");
        foreach (var (plan, rows, omitted) in writes) batch.BatchCommands.Add(plan.Command(rows, omitted));
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            // The reader stops only at statements that return rows: those with values to read back, in order.
            foreach (var (plan, rows, omitted) in writes.Where(w => w.Omitted.Length > 0))
            {
                await plan.ReadGeneratedAsync(reader, rows, omitted, ct);
                await reader.NextResultAsync(ct);
            }
        }
        catch (PostgresException ex)
        {
            throw Refused(ex, writes.SelectMany(w => w.Rows));
        }
        var written = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            var rows = writes[i].Rows;
            if (batch.BatchCommands[i].RecordsAffected != rows.Count)
                throw new DbUpdateConcurrencyException($"{writes[i].Plan.EntityType.DisplayName()}: {batch.BatchCommands[i].RecordsAffected} of {rows.Count} rows inserted");
            foreach (var entry in rows) entry.State = EntityState.Unchanged;
            written += rows.Count;
        }
        Interlocked.Add(ref _rows, written);
        Interlocked.Add(ref _statements, writes.Count);
        return written;
    }

    /// <summary>
    /// An owned collection's rows in the order of their owner's collection: the identities the database makes follow it,
    /// and the collection is read back in their order (the tracker's own order of such rows is not the collection's).
    /// </summary>
    private static void OrderOwnedAsTheirCollections(Dictionary<TablePlan, List<EntityEntry>> groups)
    {
        if (!groups.Keys.Any(p => p.EntityType.IsOwned())) return;
        var positions = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var rows in groups.Values)
        foreach (var entry in rows)
        foreach (var navigation in entry.Metadata.GetNavigations())
        {
            if (!navigation.IsCollection || !navigation.TargetEntityType.IsOwned()) continue;
            if (navigation.GetGetter().GetClrValue(entry.Entity) is not System.Collections.IEnumerable items) continue;
            var position = 0;
            foreach (var item in items) positions[item] = position++;
        }
        foreach (var plan in groups.Keys.Where(p => p.EntityType.IsOwned()).ToList())
            groups[plan] = groups[plan].OrderBy(e => positions.GetValueOrDefault(e.Entity)).ToList();
    }

    /// <summary>As EF Core reports a failed save: callers tell a unique violation by DbUpdateException's inner exception.</summary>
    internal static DbUpdateException Refused(PostgresException ex, IEnumerable<EntityEntry> rows) =>
        new($"An error occurred while saving the entity changes: {ex.MessageText}", ex, rows.ToList());

    internal static TablePlan? PlanFor(IEntityType type) => Plans.GetOrAdd(type, TablePlan.Of);

    /// <summary>How one entity type's added rows, and its changed rows (<see cref="TableUpdates"/>), are written, or null when EF Core must write them.</summary>
    internal sealed partial class TablePlan
    {
        private static readonly HashSet<Type> Scalars =
        [
            typeof(Guid), typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float),
            typeof(decimal), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeSpan), typeof(uint),
        ];

        /// <summary>The element types a collection column may have: their array literal is their text.</summary>
        private static readonly HashSet<Type> ArrayElements = [typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short)];

        private readonly Column[] _columns;
        private readonly ConcurrentDictionary<string, (string Sql, Column[] Written)> _statements = new();
        private readonly ConcurrentDictionary<string, (string Sql, Column[] Columns)> _updates = new();
        private readonly bool _versioned;
        private readonly IProperty[] _generated;
        private readonly IProperty[] _key;
        private readonly string _table;

        private TablePlan(IEntityType type, string table, Column[] columns, IProperty[] key, int rank, IEntityType[] principals)
        {
            EntityType = type;
            _table = table;
            _columns = columns;
            _key = key;
            Rank = rank;
            Principals = principals;
            _generated = columns.Where(c => c.Property.ValueGenerated != ValueGenerated.Never).Select(c => c.Property).ToArray();
            _versioned = columns.Any(c => c.Property.IsConcurrencyToken || c.Property.ValueGenerated is ValueGenerated.OnUpdate or ValueGenerated.OnAddOrUpdate);
        }

        public IEntityType EntityType { get; }

        /// <summary>Written after the tables it points at (its depth in the model's foreign keys).</summary>
        public int Rank { get; }

        /// <summary>The tables its foreign keys point at.</summary>
        public IEntityType[] Principals { get; }

        /// <summary>A single whole-number key the database may make (an identity): rows that leave it unset are matched to it in order.</summary>
        private static bool DatabaseMayMake(IProperty[] key) =>
            key is [var only] && only.ValueGenerated != ValueGenerated.Never && (Nullable.GetUnderlyingType(only.ClrType) ?? only.ClrType) is var t
            && (t == typeof(long) || t == typeof(int) || t == typeof(short));

        /// <summary>This save's rows leave the key to the database.</summary>
        private bool KeyMade(IProperty[] omitted) => omitted.Contains(_key[0]);

        public static TablePlan? Of(IEntityType type) => Of(type, []);

        private static TablePlan? Of(IEntityType type, HashSet<IEntityType> visiting)
        {
            if (type.IsMappedToJson() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.GetComplexProperties().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned() && !HasOwnTable(n.TargetEntityType, type))
                || type.GetSkipNavigations().Any()
                || type.GetTableName() is not { } tableName || type.GetViewName() is not null || type.GetSqlQuery() is not null)
                return null;
            var table = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            if (type.GetTableMappings().Count() != 1 || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1) return null;
            if (type.FindPrimaryKey() is not { } primaryKey) return null;

            var columns = new List<Column>();
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(table) is not { } name) return null;
                if (property.GetRelationalTypeMapping() is not { } mapping) return null;
                if (property.GetElementType() is { } elementType)
                {
                    // A collection column goes as text, each row's value an array literal, cast back in the SELECT.
                    if (!ArrayElements.Contains(elementType.ClrType) || elementType.GetValueConverter() is not null
                        || mapping.Converter is not null || property.ValueGenerated != ValueGenerated.Never) return null;
                    var cast = $"{ArrayElementType(mapping.StoreType.Replace("[]", ""), elementType.ClrType)}[]";
                    columns.Add(new Column(property, name, "text", typeof(string), mapping, false, null, cast));
                    continue;
                }
                var provider = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
                var scalar = Nullable.GetUnderlyingType(provider) ?? provider;
                if (!Scalars.Contains(scalar)) return null;
                // Never written, only read back: a system column (xmin), and any column EF Core leaves out of an insert
                // (computed, or told to ignore).
                var system = name == "xmin" || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save;
                if (system && property.ValueGenerated == ValueGenerated.Never) return null;
                var element = scalar.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(scalar) : scalar;
                columns.Add(new Column(property, name, ArrayElementType(mapping.StoreType, scalar), element, mapping, system,
                    (Func<DbDataReader, int, object>)Delegate.CreateDelegate(typeof(Func<DbDataReader, int, object>),
                        typeof(Column).GetMethod(nameof(Column.Read), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(scalar))));
            }
            var key = primaryKey.Properties.ToArray();
            // A key the database makes would have to reach the rows pointing at it: such tables are EF Core's.
            if (DatabaseMayMake(key) && type.GetReferencingForeignKeys().Any()) return null;

            // What it points at must be written this way too, and first; nothing may point at itself (row order would matter).
            visiting.Add(type);
            var principals = new List<IEntityType>();
            var rank = 0;
            foreach (var foreignKey in type.GetForeignKeys())
            {
                var principal = foreignKey.PrincipalEntityType;
                if (principal == type || visiting.Contains(principal)) return null;
                if (Plans.GetOrAdd(principal, p => Of(p, visiting)) is not { } principalPlan) return null;
                principals.Add(principal);
                rank = Math.Max(rank, principalPlan.Rank + 1);
            }
            visiting.Remove(type);
            return new TablePlan(type, table.Schema is { } schema ? $"{Quote(schema)}.{Quote(tableName)}" : Quote(tableName), columns.ToArray(), key, rank, principals.ToArray());
        }

        /// <summary>An owned type kept in a table of its own (not JSON, not sharing its owner's row).</summary>
        private static bool HasOwnTable(IEntityType owned, IEntityType owner) =>
            !owned.IsMappedToJson() && owned.GetTableName() is { } table && (table != owner.GetTableName() || owned.GetSchema() != owner.GetSchema());

        private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

        /// <summary>
        /// The arrays' element type: text for every text column but JSON ("character varying(64)" or "character(2)" in the
        /// array's cast would cut a long value instead of the column refusing it), else the column's type without its size.
        /// </summary>
        private static string ArrayElementType(string storeType, Type scalar)
        {
            var type = StoreTypeWithoutSize().Replace(storeType, "").Trim();
            return scalar == typeof(string) && type is not ("jsonb" or "json") ? "text" : type;
        }

        /// <summary>A type's size or precision: "(64)", "(18, 2)".</summary>
        [GeneratedRegex(@"\(\s*\d+(\s*,\s*\d+)?\s*\)")]
        private static partial Regex StoreTypeWithoutSize();

        /// <summary>
        /// The database-made columns left out of the insert (to be read back): those whose value the rows left at the
        /// default, as EF Core leaves them out. Null when the rows differ (EF Core then writes them).
        /// </summary>
        public IProperty[]? OmittedFor(List<EntityEntry> rows)
        {
            if (_generated.Length == 0) return [];
            IProperty[]? omitted = null;
            foreach (var entry in rows)
            {
                var values = entry.CurrentValues;
                var these = _generated.Where(p => ColumnOf(p).System || Equals(values[p], p.Sentinel) || entry.Property(p).IsTemporary).ToArray();
                if (omitted is null) omitted = these;
                else if (!omitted.SequenceEqual(these)) return null;
            }
            // A key the rows leave unset must be one the database makes in order (the rows are matched to it so); any other
            // key is written, and the values read back are matched to their rows by it.
            var left = omitted!;
            return KeyMade(left) ? (DatabaseMayMake(_key) ? left : null) : (_key.Any(left.Contains) ? null : left);
        }

        public NpgsqlBatchCommand Command(List<EntityEntry> rows, IProperty[] omitted)
        {
            // The text depends only on which columns are left out: made once for each such set.
            var (sql, written) = _statements.GetOrAdd(string.Join(",", omitted.Select(p => p.Name)), _ => Statement(omitted));
            return WithArrays(sql, rows, written);
        }

        /// <summary>
        /// The columns a changed row changed, when its change may go in one UPDATE with other rows changing the same: no
        /// version (concurrency token) to check and nothing the database makes on update to read back, no foreign key
        /// moved (the row it would point at may be one EF Core has yet to write). Else null.
        /// </summary>
        public IProperty[]? ChangedIn(EntityEntry entry)
        {
            if (_versioned) return null;
            var changed = _columns.Where(c => !c.System && entry.Property(c.Property).IsModified).Select(c => c.Property).ToArray();
            return changed.Length > 0 && !changed.Any(p => p.IsForeignKey() || p.IsKey()) ? changed : null;
        }

        /// <summary>One UPDATE … FROM unnest(keys, values) for rows that changed the same columns.</summary>
        public NpgsqlBatchCommand UpdateCommand(List<EntityEntry> rows, IProperty[] changed)
        {
            var (sql, columns) = _updates.GetOrAdd(string.Join(",", changed.Select(p => p.Name)), _ => UpdateStatement(changed));
            return WithArrays(sql, rows, columns);
        }

        private (string, Column[]) UpdateStatement(IProperty[] changed)
        {
            var keys = _key.Select(ColumnOf).ToArray();
            var columns = keys.Concat(changed.Select(ColumnOf)).ToArray();
            var set = string.Join(", ", columns.Select((c, i) => (c, i)).Skip(keys.Length).Select(x => $"{Quote(x.c.Name)} = {x.c.Unnested($"u.c{x.i}")}"));
            var where = string.Join(" AND ", keys.Select((c, i) => $"t.{Quote(c.Name)} = u.c{i}"));
            return ($"UPDATE {_table} AS t SET {set} FROM unnest({Arrays(columns)}) AS u({Aliases(columns)}) WHERE {where}", columns);
        }

        /// <summary>The statement with an array a column of the rows' current values, as the database stores them.</summary>
        private static NpgsqlBatchCommand WithArrays(string sql, List<EntityEntry> rows, Column[] columns)
        {
            var arraysOf = columns.Select(c => Array.CreateInstance(c.Element, rows.Count)).ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                var values = rows[i].CurrentValues;
                for (var c = 0; c < columns.Length; c++)
                {
                    var value = values[columns[c].Property];
                    if (value is not null && columns[c].Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    if (value is not null && columns[c].Cast is not null) value = ArrayLiteral((System.Collections.IEnumerable)value);
                    arraysOf[c].SetValue(value, i);
                }
            }
            var command = new NpgsqlBatchCommand(sql);
            foreach (var values in arraysOf) command.Parameters.Add(new NpgsqlParameter { Value = values });
            return command;
        }

        private (string, Column[]) Statement(IProperty[] omitted)
        {
            var written = _columns.Where(c => !c.System && !omitted.Contains(c.Property)).ToArray();
            var names = string.Join(", ", written.Select(c => Quote(c.Name)));
            var (arrays, aliases) = (Arrays(written), Aliases(written));
            var selected = string.Join(", ", written.Select((c, i) => c.Unnested($"c{i}")));
            var sql = KeyMade(omitted)
                // The database numbers the rows as they come: in the arrays' order, read back sorted by the number.
                ? $"INSERT INTO {_table} ({names}) SELECT {selected} FROM unnest({arrays}) WITH ORDINALITY AS u({aliases}, position) ORDER BY position"
                : $"INSERT INTO {_table} ({names}) SELECT {selected} FROM unnest({arrays}) AS u({aliases})";
            if (omitted.Length > 0) sql += " RETURNING " + string.Join(", ", Returned(omitted).Select(p => Quote(ColumnOf(p).Name)));
            return (sql, written);
        }

        /// <summary>The statement's parameters: an array a column, of the type it travels as.</summary>
        private static string Arrays(Column[] columns) => string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.StoreType}[]"));

        /// <summary>The names of the unnested arrays' columns, in order: c0, c1, ….</summary>
        private static string Aliases(Column[] columns) => string.Join(", ", columns.Select((_, i) => $"c{i}"));

        /// <summary>A collection as PostgreSQL's array literal: every element quoted, a null element NULL.</summary>
        private static string ArrayLiteral(System.Collections.IEnumerable values)
        {
            var literal = new System.Text.StringBuilder("{");
            foreach (var value in values)
            {
                if (literal.Length > 1) literal.Append(',');
                if (value is null) literal.Append("NULL");
                else literal.Append('"').Append(value.ToString()!.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
            }
            return literal.Append('}').ToString();
        }

        /// <summary>What the insert returns: the made key first (rows matched in its order), else the rows' key, then the rest.</summary>
        private IProperty[] Returned(IProperty[] omitted) => KeyMade(omitted) ? [_key[0], .. omitted.Where(p => p != _key[0])] : [.. _key, .. omitted];

        /// <summary>Sets what the database made on each row, as EF Core's own insert would.</summary>
        public async Task ReadGeneratedAsync(DbDataReader reader, List<EntityEntry> rows, IProperty[] omitted, CancellationToken ct)
        {
            var returned = Returned(omitted);
            var columns = returned.Select(ColumnOf).ToArray();
            var read = new List<object?[]>(rows.Count);
            while (await reader.ReadAsync(ct))
                read.Add(columns.Select((c, i) => reader.IsDBNull(i) ? null : c.FromProvider(reader, i)).ToArray());
            if (read.Count != rows.Count) throw new DbUpdateException($"{_table}: {read.Count} of {rows.Count} rows came back from the insert");
            if (KeyMade(omitted))
            {
                read.Sort((a, b) => Comparer<object>.Default.Compare(a[0], b[0]));
                for (var i = 0; i < rows.Count; i++) Set(rows[i], returned, read[i], 0);
                return;
            }
            var byKey = read.ToDictionary(r => KeyOf(r.Take(_key.Length)), r => r);
            foreach (var entry in rows)
            {
                var values = entry.CurrentValues;
                Set(entry, omitted, byKey[KeyOf(_key.Select(k => values[k]))], _key.Length);
            }
        }

        private static string KeyOf(IEnumerable<object?> values) => string.Join("\u001f", values);

        private static void Set(EntityEntry entry, IProperty[] omitted, object?[] values, int from)
        {
            for (var i = 0; i < omitted.Length; i++)
            {
                var property = entry.Property(omitted[i]);
                property.CurrentValue = values[from + i];
                property.IsTemporary = false;
            }
        }

        private Column ColumnOf(IProperty property) => _columns.First(c => c.Property == property);

        /// <summary>A column as written: <paramref name="Cast"/> is set for a collection column (sent as text, cast back).</summary>
        private sealed record Column(IProperty Property, string Name, string StoreType, Type Element, RelationalTypeMapping Mapping, bool System,
            Func<DbDataReader, int, object>? Reader, string? Cast = null)
        {
            /// <summary>The column's value as unnested under <paramref name="alias"/>: a collection cast back from its literal.</summary>
            public string Unnested(string alias) => Cast is null ? alias : $"{alias}::{Cast}";

            public object? FromProvider(DbDataReader reader, int ordinal)
            {
                var value = Reader!(reader, ordinal);
                return Mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
            }

            internal static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
        }
    }
}
