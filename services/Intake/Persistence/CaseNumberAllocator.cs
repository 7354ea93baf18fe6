using Coordination.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coordination.Intake.Persistence;

/// <summary>Takes the next case number inside the caller's transaction, so a rolled-back registration leaves no gap.</summary>
public static class CaseNumberAllocator
{
    public static async Task<string> NextAsync(IntakeDb db, string regionCode, DateTimeOffset registeredAt, CancellationToken ct)
    {
        var year = CaseNumbers.YearOf(registeredAt);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("case numbers are allocated inside the registration's transaction");
        command.CommandText = """
            INSERT INTO case_number_counters (region_code, year, last_value) VALUES ($1, $2, 1)
            ON CONFLICT (region_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
            RETURNING last_value
            """;
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = regionCode });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = year });
        var sequence = (long)(await command.ExecuteScalarAsync(ct))!;
        return CaseNumbers.Format(regionCode, year, sequence);
    }
}
