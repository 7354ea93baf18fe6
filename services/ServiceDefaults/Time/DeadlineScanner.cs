using Coordination.ServiceDefaults.Health;
using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Coordination.Contracts;

namespace Coordination.ServiceDefaults.Time;

public sealed class DeadlineScannerOptions
{
    /// <summary>How often to look; the clock (TimeProvider) decides what is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 200;
}

/// <summary>What a rung of the ladder, or a timer, means in the owning service: the events it publishes.</summary>
public interface IDeadlineHandler<in TDb> where TDb : ServiceDbContext
{
    Task FireAsync(TDb db, Deadline deadline, string action, DateTimeOffset now, CancellationToken ct);

    /// <summary>A limit whose 催办 was sent is no longer overdue: met late ("met") or moved by an extension ("extended").</summary>
    void Cleared(TDb db, Deadline deadline, string how, DateTimeOffset now);

    /// <summary>The working calendar changed and these limits moved (DeadlineReplanner): what else follows them in the service.</summary>
    Task ReplannedAsync(TDb db, IReadOnlyList<Deadline> moved, BusinessCalendar calendar, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Ending or moving a limit through its handler, so that one which had passed leaves the overdue list.</summary>
public static class DeadlineHandlerExtensions
{
    public static void Meet<TDb>(this IDeadlineHandler<TDb> handler, TDb db, Deadline deadline, DateTimeOffset now) where TDb : ServiceDbContext
    {
        if (deadline.Overdue) handler.Cleared(db, deadline, DeadlineClearings.Met, now);
        deadline.Meet(now);
    }

    public static void MoveDue<TDb>(this IDeadlineHandler<TDb> handler, TDb db, Deadline deadline, DateTimeOffset dueAt, LadderRules rules,
        BusinessCalendar calendar, DateTimeOffset now) where TDb : ServiceDbContext
    {
        if (deadline.Overdue) handler.Cleared(db, deadline, DeadlineClearings.Extended, now);
        deadline.MoveDue(dueAt, rules, calendar);
    }
}

/// <summary>
/// Picks due deadlines with FOR UPDATE SKIP LOCKED (safe with several replicas), fires each rung once, in the
/// same transaction that records it (its events go through the outbox). State lives in the rows, so a restart
/// resumes where it stopped and fires late rather than never.
/// </summary>
public sealed class DeadlineScanner<TDb>(IServiceScopeFactory scopes, IOptions<DeadlineScannerOptions> options, CoordinationMetrics metrics,
    OperationalReadings readings, ILogger<DeadlineScanner<TDb>> log)
    : BackgroundService where TDb : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ScanOnceAsync(stoppingToken) == options.Value.BatchSize) { }
                readings.ScannerCompleted();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Deadline scan failed; retrying");
            }
            await Task.Delay(options.Value.Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One batch; returns how many deadlines it handled.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var handler = scope.ServiceProvider.GetRequiredService<IDeadlineHandler<TDb>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().ToUniversalTime();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<Deadline>()
            // xmin is the row's concurrency token (a system column: SELECT * leaves it out).
            .FromSql($"SELECT *, xmin FROM deadlines WHERE \"NextActionAt\" <= {now} ORDER BY \"NextActionAt\" LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var fired = new List<string>();
        foreach (var deadline in due)
        foreach (var action in deadline.TakeDueActions(now))
        {
            // Each rung is a trace of its own linked to the one that started the limit; what it publishes carries it on.
            using var rung = DeadlineActivity.Start(deadline, action);
            await handler.FireAsync(db, deadline, action, now, ct);
            fired.Add(action);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var action in fired) metrics.Fired(action);
        return due.Count;
    }
}

public static class DeadlineExtensions
{
    /// <summary>The deadlines table, in the owning service's database.</summary>
    public static void MapDeadlines(this Microsoft.EntityFrameworkCore.ModelBuilder b) => b.Entity<Deadline>(e =>
    {
        e.ToTable("deadlines");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).ValueGeneratedNever();
        e.HasIndex(d => d.NextActionAt).HasFilter("\"NextActionAt\" IS NOT NULL");
        e.HasIndex(d => new { d.CaseId, d.Step });
        // The health sampler counts the open limits past due or under supervision every 15 s: this serves that count from
        // the few such rows instead of a scan of every open limit (a million in the benchmark's database took 600 ms).
        e.HasIndex(d => new { d.OverdueSentAt, d.SupervisionSentAt }, "IX_deadlines_open_late").HasFilter(StoreProbe.OpenLateDeadlines);
        e.HasIndex(d => d.AssignmentId);
        e.Property(d => d.Step).HasMaxLength(32);
        e.Property(d => d.UnitCode).HasMaxLength(64);
        e.Property(d => d.Version).IsRowVersion(); // xmin
        e.Property(d => d.TermKind).HasMaxLength(16);
        e.Property(d => d.TraceParent).HasMaxLength(128);
        e.Property(d => d.ReminderFraction).HasDefaultValue(0.8);
        e.Property(d => d.SupervisionWorkingDays).HasDefaultValue(5);
    });

    /// <summary>The scanner and this service's meaning of each rung.</summary>
    public static void AddDeadlineScanner<TDb, THandler>(this Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
        where TDb : ServiceDbContext where THandler : class, IDeadlineHandler<TDb>
    {
        builder.Services.Configure<DeadlineScannerOptions>(builder.Configuration.GetSection("Deadlines"));
        builder.Services.AddScoped<IDeadlineHandler<TDb>, THandler>();
        builder.Services.AddSingleton<DeadlineScanner<TDb>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineScanner<TDb>>());
        builder.Services.AddScoped<Calendar.ICalendarFollower, DeadlineReplanner<TDb>>();
    }
}
