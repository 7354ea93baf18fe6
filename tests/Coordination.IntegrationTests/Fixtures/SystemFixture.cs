using Coordination.Assignment;
using Coordination.Assignment.Persistence;
using Coordination.Directory;
using Coordination.Directory.Persistence;
using Coordination.Intake;
using Coordination.Intake.Persistence;
using Coordination.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// All five services in this process, on real ports, against real RabbitMQ, PostgreSQL and Redis, in a
/// virtual host and databases of their own that are removed afterwards.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public Infrastructure Infra { get; private set; } = null!;
    public ServiceInstance Directory { get; private set; } = null!;
    /// <summary>The Directory's keys and bootstrap administrator, made for this run only (nothing ships in the repository).</summary>
    public string DirectorySigningKey => TestTokens.SigningKeyPem;
    public string DirectoryEncryptionKey => TestTokens.EncryptionKeyPem;
    public string DirectoryAdministratorPassword { get; } = "Admin-" + Guid.NewGuid().ToString("N");
    /// <summary>The secret of the "coordination-tests" service client (client credentials).</summary>
    public string DirectoryServiceSecret { get; } = Guid.NewGuid().ToString("N");
    public ServiceInstance Intake { get; private set; } = null!;
    public ServiceInstance Assignment { get; private set; } = null!;
    public ServiceInstance LegalDiversion { get; private set; } = null!;
    public ServiceInstance JointMeeting { get; private set; } = null!;
    public ServiceInstance Reporting { get; private set; } = null!;
    private readonly List<ServiceInstance> _extra = [];
    /// <summary>Settings the run's Directory starts with (set before InitializeAsync), e.g. the console's redirect addresses.</summary>
    public Dictionary<string, string?> DirectorySettings { get; } = [];

    public async Task InitializeAsync()
    {
        Infra = await Infrastructure.StartAsync();
        await Infra.CreateVirtualHostAsync(RunId);
        Directory = await StartDirectoryAsync(overrides: DirectorySettings); // first: the others learn units from it and validate its tokens
        TestTokens.Issuer = $"http://127.0.0.1:{Directory.HttpPort}/";
        // Consumers first, so that their queues exist before anything is published.
        Assignment = await StartAssignmentAsync();
        LegalDiversion = await StartAsync<LegalDiversionDb>("legal_diversion", LegalDiversionService.Build);
        JointMeeting = await StartAsync<JointMeetingDb>("joint_meeting", JointMeetingService.Build);
        Reporting = await StartAsync<ReportingDb>("reporting", ReportingService.Build);
        Intake = await StartIntakeAsync();
        await KnowTheDirectoryAsync(Intake, Assignment, LegalDiversion, JointMeeting, Reporting);
    }

    /// <summary>Waits until each instance holds every unit of the run's Directory (it asks for them at start).</summary>
    public async Task KnowTheDirectoryAsync(params ServiceInstance[] instances)
    {
        var units = await Directory.CountAsync("SELECT count(*) FROM units");
        foreach (var instance in instances)
            await Eventually.UntilAsync(instance.KnownUnitsAsync, n => n == units, $"{instance.Name} to know the directory's {units} units");
    }

    /// <summary>
    /// An Intake with a database of its own also gets queues of its own: sharing the main Intake's queues
    /// would make it a competing replica that cannot find the main Intake's petitions.
    /// </summary>
    public Task<ServiceInstance> StartIntakeAsync(string database = "intake", IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        if (database != "intake") settings.TryAdd("RabbitMq:EndpointPrefix", database.Replace('_', '-'));
        return StartAsync<IntakeDb>(database, IntakeService.Build, settings);
    }

    /// <summary>The Directory on plain HTTP with the password grant, its issuer on the port it was given.</summary>
    public Task<ServiceInstance> StartDirectoryAsync(string database = "directory", IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:AllowHttp"] = "true",
            ["Directory:AllowPasswordGrant"] = "true",
            ["Directory:SigningKey"] = DirectorySigningKey,
            ["Directory:EncryptionKey"] = DirectoryEncryptionKey,
            ["Directory:Administrator:Password"] = DirectoryAdministratorPassword,
            ["Directory:ServiceClients:coordination-tests:Secret"] = DirectoryServiceSecret,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return StartAsync<DirectoryDb>(database, (args, configure) => DirectoryService.Build(args, b =>
        {
            configure?.Invoke(b);
            b.Configuration["Directory:Issuer"] = b.Configuration["Auth:Authority"] = $"http://127.0.0.1:{b.Configuration["Ports:Http"]}/";
        }), settings);
    }

    public Task<ServiceInstance> StartAssignmentAsync(string database = "assignment", IDictionary<string, string?>? overrides = null) =>
        StartAsync<AssignmentDb>(database, AssignmentService.Build, overrides);

    /// <summary>How long a service instance may take to start before the attempt is abandoned and made again.</summary>
    public static readonly TimeSpan StartBound = TimeSpan.FromSeconds(150);

    /// <summary>
    /// Starts a service; instances started beyond the five are stopped with the fixture. A start that has not finished
    /// within <see cref="StartBound"/> (seen once: the bus's start gave up on a receive endpoint and its stop then waited on
    /// the transport without end) is abandoned and made once more on new ports; a second such start fails the test
    /// instead of hanging the run.
    /// </summary>
    public async Task<ServiceInstance> StartAsync<TDb>(string database, Func<string[], Action<WebApplicationBuilder>?, WebApplication> build,
        IDictionary<string, string?>? overrides = null) where TDb : ServiceDbContext
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync<TDb>(database, build, overrides);
            }
            catch (TimeoutException) when (attempt == 1)
            {
                Console.Error.WriteLine($"[fixture] {database}: the start took over {StartBound.TotalSeconds:0} s; abandoned, starting it again");
            }
        }
    }

    private async Task<ServiceInstance> StartOnceAsync<TDb>(string database, Func<string[], Action<WebApplicationBuilder>?, WebApplication> build,
        IDictionary<string, string?>? overrides) where TDb : ServiceDbContext
    {
        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        var settings = SettingsFor(database, grpcPort, httpPort);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = build([], b => b.Configuration.AddInMemoryCollection(settings));
        await app.MigrateDatabaseAsync<TDb>();
        var start = app.StartAsync();
        if (await Task.WhenAny(start, Task.Delay(StartBound)) != start)
        {
            _ = start.ContinueWith(_ => app.DisposeAsync().AsTask(), TaskScheduler.Default); // whenever it returns, let it go
            throw new TimeoutException($"{database} did not start within {StartBound}");
        }
        await start;
        var instance = new ServiceInstance(database, app, grpcPort, httpPort,
            DatabaseExtensions.ConnectionStringFor(app.Configuration, database));
        _extra.Add(instance);
        return instance;
    }

    /// <summary>The configuration a service instance of this fixture runs with.</summary>
    public Dictionary<string, string?> SettingsFor(string database, int grpcPort, int httpPort) => new()
    {
        ["ConnectionStrings:Postgres"] = Infra.PostgresServer,
        ["Database:Name"] = $"{RunId}_{database}",
        ["RabbitMq:Host"] = Infra.RabbitHost,
        ["RabbitMq:Port"] = Infra.RabbitPort.ToString(),
        ["RabbitMq:VirtualHost"] = RunId,
        ["RabbitMq:Username"] = Infra.RabbitUser,
        ["RabbitMq:Password"] = Infra.RabbitPassword,
        ["Redis:Configuration"] = Infra.Redis,
        ["Ports:Grpc"] = grpcPort.ToString(),
        ["Ports:Http"] = httpPort.ToString(),
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Health:SampleInterval"] = "00:00:01", // the gauges on /metrics (When_metrics_are_scraped)
        // Tokens from the run's Directory only; no service holds a key or a pepper it did not get from here.
        ["Auth:Authority"] = TestTokens.Issuer,
        ["Auth:AllowHttp"] = "true",
        ["Intake:IdentityPepper"] = "pepper-of-test-run-" + RunId,
        // Every test calls from 127.0.0.1: the per-address limit of the status lookup is tested on an Intake of its own.
        ["Intake:StatusLookup:PermitLimit"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Warning",
        // A sensitive period for the early-warning test's regions only (3288xx), 1-3 June 2026.
        ["Reporting:EarlyWarning:SensitivePeriods:0:Name"] = "test session",
        ["Reporting:EarlyWarning:SensitivePeriods:0:From"] = "2026-06-01",
        ["Reporting:EarlyWarning:SensitivePeriods:0:To"] = "2026-06-03",
        ["Reporting:EarlyWarning:SensitivePeriods:0:RegionPrefix"] = "3288",
    };

    public async Task DisposeAsync()
    {
        foreach (var instance in Enumerable.Reverse(_extra)) await instance.StopAsync();
        await Infra.DeleteVirtualHostAsync(RunId);
        await Infra.DropDatabasesAsync(RunId + "_");
        await Infra.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
