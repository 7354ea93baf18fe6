using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Rows that a user and a background job can both change carry PostgreSQL's xmin as a concurrency token. When one
/// unit of work saved over a row the other changed meanwhile, its save fails; it is then run again from the start on
/// the fresh rows (its transaction was rolled back, its tracked entities are dropped), so neither side's change is lost
/// — e.g. a deadline met while the scanner sent its 催办 is seen as overdue and cleared. A deadlock victim (the scanner
/// locks a deadline, then its case; a user action the case, then its deadlines) is run again the same way.
/// </summary>
public static class OptimisticRetry
{
    public const int Attempts = 3;

    private static bool IsConflict(Exception ex) => ex is DbUpdateConcurrencyException
        || (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public static async Task<T> RetryOnConflictAsync<T>(this DbContext db, Func<Task<T>> unitOfWork)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unitOfWork();
            }
            catch (Exception ex) when (attempt < Attempts && IsConflict(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
