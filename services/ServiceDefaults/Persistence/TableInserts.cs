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
/// Only tables EF Core would write with plain columns qualify (<see cref="TablePlan"/>): no owned or JSON parts, no
/// inheritance, no shared table, no collection columns, nothing whose key the database makes that another table points
/// at. A table's rows that would need different columns (one row sets a value with a database default, another does
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
            // As EF Core reports a failed insert: callers tell a unique violation by DbUpdateException's inner exception.
            throw new DbUpdateException($"An error occurred while saving the entity changes: {ex.MessageText}", ex,
                writes.SelectMany(w => w.Rows).ToList());
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

    private static TablePlan? PlanFor(IEntityType type) => Plans.GetOrAdd(type, TablePlan.Of);

    /// <summary>How one entity type's added rows are written, or null when EF Core must write them.</summary>
    internal sealed partial class TablePlan
    {
        private static readonly HashSet<Type> Scalars =
        [
            typeof(Guid), typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float),
            typeof(decimal), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeSpan), typeof(uint),
        ];

        private readonly Column[] _columns;
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
            if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.GetComplexProperties().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetSkipNavigations().Any()
                || type.GetTableName() is not { } tableName || type.GetViewName() is not null || type.GetSqlQuery() is not null)
                return null;
            var table = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            if (type.GetTableMappings().Count() != 1 || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1) return null;
            if (type.FindPrimaryKey() is not { } primaryKey) return null;

            var columns = new List<Column>();
            foreach (var property in type.GetProperties())
            {
                if (property.GetElementType() is not null || property.GetColumnName(table) is not { } name) return null;
                if (property.GetRelationalTypeMapping() is not { } mapping) return null;
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
            var written = _columns.Where(c => !c.System && !omitted.Contains(c.Property)).ToArray();
            var names = string.Join(", ", written.Select(c => Quote(c.Name)));
            var arrays = string.Join(", ", written.Select((c, i) => $"${i + 1}::{c.StoreType}[]"));
            var aliases = string.Join(", ", written.Select((_, i) => $"c{i}"));
            var sql = KeyMade(omitted)
                // The database numbers the rows as they come: in the arrays' order, read back sorted by the number.
                ? $"INSERT INTO {_table} ({names}) SELECT {aliases} FROM unnest({arrays}) WITH ORDINALITY AS u({aliases}, position) ORDER BY position"
                : $"INSERT INTO {_table} ({names}) SELECT * FROM unnest({arrays})";
            if (omitted.Length > 0) sql += " RETURNING " + string.Join(", ", Returned(omitted).Select(p => Quote(ColumnOf(p).Name)));
            var arraysOf = written.Select(c => Array.CreateInstance(c.Element, rows.Count)).ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                var values = rows[i].CurrentValues;
                for (var c = 0; c < written.Length; c++)
                {
                    var value = values[written[c].Property];
                    if (value is not null && written[c].Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    arraysOf[c].SetValue(value, i);
                }
            }
            var command = new NpgsqlBatchCommand(sql);
            foreach (var values in arraysOf) command.Parameters.Add(new NpgsqlParameter { Value = values });
            return command;
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

        private sealed record Column(IProperty Property, string Name, string StoreType, Type Element, RelationalTypeMapping Mapping, bool System,
            Func<DbDataReader, int, object> Reader)
        {
            public object? FromProvider(DbDataReader reader, int ordinal)
            {
                var value = Reader(reader, ordinal);
                return Mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
            }

            internal static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
        }
    }
}
