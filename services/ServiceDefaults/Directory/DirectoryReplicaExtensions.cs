using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Coordination.ServiceDefaults.Calendar;

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
        // The working calendar travels with the directory (ADR 19); reference data caches follow changes at once (ADR 20).
        builder.Services.AddSingleton<ReferenceDataSignals>();
        builder.Services.AddHostedService<ReferenceDataListener>();
        builder.Services.AddSingleton<WorkingCalendarCache>();
        builder.Services.AddScoped<WorkingCalendarStore>();
        return builder;
    }
}
