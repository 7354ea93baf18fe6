using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Recusal;

public static class RecusalExtensions
{
    /// <summary>
    /// A case service keeps recused people and accused units away from its cases on every method (ADR 30); the locator
    /// ties its own ids (hand-overs, referrals, meetings) to cases.
    /// </summary>
    public static WebApplicationBuilder AddRecusalShield<TLocator>(this WebApplicationBuilder builder) where TLocator : class, ICaseLocator
    {
        builder.Services.AddScoped<ICaseLocator, TLocator>();
        builder.Services.AddHostedService<RecusalListener>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<RecusalShield>());
        return builder;
    }
}
