using Coordination.Directory.Persistence;
using Coordination.Directory.Workflow;
using Microsoft.Extensions.Options;

namespace Coordination.Directory.Hosting;

/// <summary>
/// At start (after migrations, before requests): the seed units, the Development people or the configured bootstrap
/// administrator, and the sign-in clients. Runs inside StartAsync, so a started Directory always has them.
/// </summary>
public sealed class StartupSeeder(IServiceScopeFactory scopes, IOptions<DirectoryOptions> options, IHostEnvironment environment, ILogger<StartupSeeder> log)
    : IHostedService
{
    public const string AdministratorName = "系统管理员";
    public const string AdministratorUnit = "jiangsu-petition-bureau";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var seeding = scope.ServiceProvider.GetRequiredService<DirectorySeeding>();
        var seeded = await seeding.SeedUnitsAsync(ct);
        if (seeded > 0) log.LogInformation("Seeded {Count} units", seeded);
        if (environment.IsDevelopment()) await seeding.SeedPeopleAsync(DevelopmentPeople.People, ct);
        var admin = options.Value.Administrator;
        if (!string.IsNullOrEmpty(admin.Password))
            await seeding.SeedPeopleAsync([new PersonDraft(admin.Login, AdministratorName, AdministratorUnit, ServiceDefaults.Auth.Roles.Administrator, "", admin.Password)], ct);
        await scope.ServiceProvider.GetRequiredService<ClientRegistration>()
            .RegisterAsync(options.Value, SignInServer.PasswordGrantAllowed(options.Value, environment), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
