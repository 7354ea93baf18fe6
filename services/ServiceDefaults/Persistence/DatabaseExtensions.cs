using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: server from ConnectionStrings:Postgres, database name from
    /// Database:Name (default coordination_&lt;service&gt;), plus its outbox relay and inbox.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TDb>(this WebApplicationBuilder builder, string serviceName)
        where TDb : ServiceDbContext
    {
        var connectionString = ConnectionStringFor(builder.Configuration, serviceName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<CommitInterceptor>();
        builder.Services.AddSingleton<Recusal.RecusalCache>();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        RefuseAnInboxThatForgetsTooEarly(builder.Configuration);
        TableInserts.Enabled = builder.Configuration.GetValue("Persistence:TableInserts", true);
        TableUpdates.Enabled = TableInserts.Enabled && builder.Configuration.GetValue("Persistence:TableUpdates", true);
        // Pooled: a request or a batch leases a context that EF has reset, instead of building the options and the
        // context's services again for every scope (issue 15). No context keeps state of its own across a lease
        // (ServiceDbContext sets its savepoint rule again when it saves, the outbox interceptor clears its flag).
        builder.Services.AddDbContextPool<TDb>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                // A group commit's SaveChanges went out as one command of hundreds of statements: its text (over 85 KB) was
                // allocated on the large-object heap each time, and those allocations set off full collections (issue 15).
                .MaxBatchSize(StatementsPerCommand))
            .AddInterceptors(sp.GetRequiredService<CommitInterceptor>()));
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TDb>()); // for what ServiceDefaults keeps in every database
        builder.Services.AddScoped<InboxProcessor<TDb>>();
        builder.Services.AddSingleton<GroupCommit<TDb>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GroupCommit<TDb>>());
        builder.Services.AddSingleton<OutboxRelay<TDb>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TDb>>());
        builder.Services.AddSingleton<InboxPruner<TDb>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxPruner<TDb>>());
        builder.Services.AddScoped<OutboxQuarantine>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("postgres", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// A message id pruned from the inbox before its last redelivery would be applied twice: the retention must outlast
    /// every delayed redelivery round (ADR 9) with room to spare for an operator moving a parked message back.
    /// </summary>
    private static void RefuseAnInboxThatForgetsTooEarly(IConfiguration configuration)
    {
        var retention = configuration.GetSection("Outbox").Get<OutboxOptions>()?.InboxRetention ?? new OutboxOptions().InboxRetention;
        var redelivery = (configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions()).Redelivery.Validated();
        var longest = redelivery.Aggregate(TimeSpan.Zero, (sum, interval) => sum + interval);
        if (retention <= longest * 2)
            throw new StartupRefusedException($"Outbox:InboxRetention {retention} must be more than twice the longest redelivery ({longest}, " +
                "RabbitMq:Redelivery:Intervals), or a late copy of a message would be applied twice");
    }

    /// <summary>Statements EF Core sends in one command: their text stays well under the large-object heap's 85 KB.</summary>
    public const int StatementsPerCommand = 32;

    public static string ConnectionStringFor(IConfiguration configuration, string serviceName)
    {
        var server = configuration.GetConnectionString("Postgres")
            ?? "Host=127.0.0.1;Port=5432;Username=coordination;Password=coordination";
        return new NpgsqlConnectionStringBuilder(server)
        {
            Database = configuration["Database:Name"] ?? $"coordination_{serviceName}",
            MaxPoolSize = 50,
            // A pooled connection is not reset (DISCARD ALL) when it goes back: no service keeps session state (locks are
            // transaction-level, settings SET LOCAL), and the reset was the most frequent statement, ~10 a case (issue 15).
            NoResetOnClose = true,
            // Statements used twice on a connection are prepared on the server and kept: PostgreSQL then skips parsing and
            // planning them. Statement execution was a small part of PostgreSQL's CPU per case; parsing, planning and the
            // protocol around ~35 short statements a case were most of it (issue 15).
            MaxAutoPrepare = 200,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;
    }

    /// <summary>Applies EF Core migrations (creating the database if needed) before the service starts.</summary>
    public static async Task MigrateDatabaseAsync<TDb>(this WebApplication app) where TDb : ServiceDbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TDb>().Database;
        var applied = (await database.GetAppliedMigrationsAsync()).ToList();
        // The migrations were squashed into one Initial (ADR 6): a database made by the old ones would fail half-way.
        if (applied.Count > 0 && !applied.Intersect(database.GetMigrations()).Any())
            throw new StartupRefusedException($"database {database.GetDbConnection().Database} was made by migrations that no longer exist " +
                "(squashed, ADR 6); recreate it (./run.sh: ./run.sh stop, then remove .infra/postgres)");
        await database.MigrateAsync();
    }
}
