using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.ServiceDefaults.Directory;

public static class DirectoryReplicaExtensions
{
    /// <summary>Every service keeps a copy of the directory's units and deactivated people (DirectoryReplicaConsumer).</summary>
    public static WebApplicationBuilder AddDirectoryReplica(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.TryAddSingleton(new ServiceName(serviceName));
        builder.Services.AddSingleton<UnitDirectory>();
        builder.Services.TryAddSingleton<DeactivatedPeople>();
        builder.Services.AddHostedService<UnitDirectoryRequester>();
        return builder;
    }
}
