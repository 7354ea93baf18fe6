using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>The recusal shield for replies outside gRPC (Reporting's downloads): the caller's recused cases leave the report.</summary>
public static class RecusedReplies
{
    public static async Task PruneAsync(HttpContext http, IMessage report, CancellationToken ct)
    {
        if (Caller.FromUser(http.User, out _) is not { } caller) return;
        var recused = await http.RequestServices.GetRequiredService<RecusalCache>()
            .OfAsync(http.RequestServices.GetRequiredService<ServiceDbContext>(), caller, ct);
        if (recused.Count > 0) CaseFields.Prune(report, recused);
    }
}
