using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Statements sent with Npgsql itself, in one round trip, inside the context's open transaction: what they lock or
/// write commits or rolls back with the rest of the unit of work (identity locks, the outbox claim, table inserts and
/// updates).
/// </summary>
public static class TransactionBatch
{
    /// <param name="why">Why the statements must run inside the transaction: the error's message when none is open.</param>
    public static NpgsqlBatch BatchInTransaction(this DatabaseFacade database, string why) =>
        database.CurrentTransaction is { } transaction
            ? new NpgsqlBatch((NpgsqlConnection)database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
            : throw new InvalidOperationException(why);
}
