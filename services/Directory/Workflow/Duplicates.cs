using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.Directory.Workflow;

/// <summary>Two administrators registering the same code at once: the unique key decides, the loser gets AlreadyExists.</summary>
public static class Duplicates
{
    public static async Task SaveAsync(DbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw AlreadyExists(what);
        }
    }

    public static RpcException AlreadyExists(string what) => new(new Status(StatusCode.AlreadyExists, $"{what} already exists"));
}
