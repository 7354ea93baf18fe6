using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// A list of small values kept as one jsonb column, converted by System.Text.Json instead of mapped by EF Core as owned
/// JSON (issue 15): a converted column is a plain column, so a transaction's added rows go a statement a table
/// (<see cref="TableInserts"/>) and an update leaves the column out unless the list changed. The JSON is the one EF Core's
/// owned mapping wrote (an array of objects named as the properties), so rows written before read the same. Never
/// null (the column is NOT NULL). Not for lists a query looks into: the database sees only a jsonb value.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static PropertyBuilder<List<T>> HasJsonColumn<T>(this PropertyBuilder<List<T>> property)
    {
        property.HasConversion(v => Write(v), v => Read<T>(v), new ValueComparer<List<T>>(
                (a, b) => Write(a) == Write(b),
                v => Write(v).GetHashCode(StringComparison.Ordinal),
                v => Read<T>(Write(v))))
            .HasColumnType("jsonb")
            .IsRequired();
        return property;
    }

    private static string Write<T>(List<T>? values) => JsonSerializer.Serialize(values ?? [], Options);

    private static List<T> Read<T>(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
