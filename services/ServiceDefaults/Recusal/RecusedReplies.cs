using Coordination.ServiceDefaults.Auth;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>The recusal shield for replies outside gRPC (Reporting's downloads): the caller's recused cases leave the report.</summary>
public static class RecusedReplies
{
    public static async Task PruneAsync(HttpContext http, IMessage report, CancellationToken ct)
    {
        if (Caller.FromUser(http.User, out _) is not { } caller) return;
        var recused = await RecusalCache.OfRequestAsync(http, caller, ct);
        if (recused.Count > 0) CaseFields.Prune(report, recused);
    }
}
