using System.Diagnostics;
using System.Text.Json;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Recusal;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's DbContext: adds the outbox and inbox tables and the copy of the directory, so that a state change and the
/// messages it causes commit in one transaction (ARCHITECTURE.md, Messaging).
/// </summary>
public abstract class ServiceDbContext : DbContext
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <remarks>
    /// No savepoint around SaveChanges inside a transaction (two statements each time): no workflow goes on in a
    /// transaction after a failed SaveChanges, each abandons it and starts over (issue 15's statement budget).
    /// </remarks>
    protected ServiceDbContext(DbContextOptions options) : base(options) => Database.AutoSavepointsEnabled = false;

    /// <summary>What a group commit's transaction loaded before its effects ran (<see cref="PreloadedKeys"/>).</summary>
    public PreloadedKeys? Preloaded { get; set; }

    /// <summary>Set when this unit of work stores a recusal: until it ends the replica's RecusalCache is not used.</summary>
    internal bool WroteRecusals { get; set; }

    /// <remarks>
    /// A pooled context is reset between leases, and the reset turns savepoints back on: set again before every save.
    /// A stored recusal also notifies every replica's RecusalListener, when the transaction commits.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Database.AutoSavepointsEnabled = false;
        var saved = 0;
        var recusals = false;
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            // Changes detected once (every look at the tracked rows would detect them again, a scan of every row): the
            // plain tables' added rows go in a statement a table, their changed rows in a statement a table and set of
            // columns, then EF Core saves the rest.
            if (detecting) ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
            // Seen by the commit interceptor from SavingChanges on: this replica's cache is not used until the unit of work ends.
            recusals = ChangeTracker.Entries<CaseRecusal>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
            if (recusals) WroteRecusals = true;
            if (acceptAllChangesOnSuccess)
            {
                saved += await TableInserts.WriteAsync(this, cancellationToken);
                saved += await TableUpdates.WriteAsync(this, cancellationToken);
            }
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        if (recusals) await RecusalCache.NotifyAsync(this, cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("save with SaveChangesAsync: it notifies the replicas of stored recusals");

    /// <summary>Set when this unit of work queued a message: only then does its commit wake the relay.</summary>
    internal bool WroteOutbox { get; set; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<KnownUnit> KnownUnits => Set<KnownUnit>();
    public DbSet<DeactivatedSubject> DeactivatedSubjects => Set<DeactivatedSubject>();
    /// <summary>The working calendar (ADR 19): the Directory's own, every other service's copy; seeded with the official calendar.</summary>
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<CalendarVersionRow> CalendarVersion => Set<CalendarVersionRow>();
    /// <summary>Who never sees which case here (ADR 30): recused people (the Directory's) and accused units (this service's own).</summary>
    public DbSet<CaseRecusal> CaseRecusals => Set<CaseRecusal>();

    /// <summary>
    /// Queues an event or command for publication when this unit of work commits, in the trace given (by default the
    /// current one).
    /// </summary>
    public void Publish<T>(T message, Guid? correlationId = null, string? traceParent = null) where T : class
    {
        WroteOutbox = true;
        OutboxMessages.Add(new OutboxMessage
        {
            Id = NewId.NextSequentialGuid(),
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), Json),
            CorrelationId = correlationId,
            TraceParent = traceParent ?? Activity.Current?.Id,
        });
    }

    /// <summary>
    /// PostgreSQL's timestamptz takes UTC instants only: every DateTimeOffset is stored (and compared) in UTC,
    /// whatever offset an event or a client gave it.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(x => x.MessageType).HasColumnName("message_type").HasMaxLength(300);
            e.Property(x => x.Body).HasColumnName("body");
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id");
            e.Property(x => x.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            e.Property(x => x.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            e.Property(x => x.QuarantinedAt).HasColumnName("quarantined_at");
            e.Property(x => x.QuarantineReason).HasColumnName("quarantine_reason").HasMaxLength(2000);
            e.Property(x => x.Attempts).HasColumnName("attempts").HasDefaultValue(0); // rows written by hand or by older code start at 0
            e.Property(x => x.UnroutableSince).HasColumnName("unroutable_since");
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            // The relay claims in this order; the backlog probe reads the oldest row by it.
            e.HasIndex(x => x.Sequence);
            // The relay finds each case's first row left out of its claim (OutboxClaim).
            e.HasIndex(x => new { x.CorrelationId, x.Sequence });
            // The relay asks, for each claimed row, whether an earlier row of its case is held back (ADR 10): only
            // quarantined or backing-off rows can be, and this index holds only those (nearly always none).
            e.HasIndex(x => new { x.CorrelationId, x.Sequence }, "IX_outbox_messages_held")
                .HasFilter("quarantined_at IS NOT NULL OR next_attempt_at IS NOT NULL");
            // A queue: every row is inserted and soon deleted. Vacuumed and analysed after every thousand rows instead of a
            // fifth of the table, so that it stays small and the planner knows it: with statistics from a quiet moment
            // PostgreSQL scanned the whole bloated table for each claim (Assignment's relay: 10-17 ms a claim, issue 15).
            e.HasStorageParameter("autovacuum_vacuum_scale_factor", 0)
                .HasStorageParameter("autovacuum_vacuum_threshold", 1000)
                .HasStorageParameter("autovacuum_analyze_scale_factor", 0)
                .HasStorageParameter("autovacuum_analyze_threshold", 1000);
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(x => x.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(x => x.ProcessedAt); // pruning by age (InboxPruner)
        });
        modelBuilder.Entity<KnownUnit>(e =>
        {
            e.ToTable("directory_units");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasColumnName("code").HasMaxLength(64);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(40);
            e.Property(x => x.RegionCode).HasColumnName("region_code").HasMaxLength(6);
            e.Property(x => x.ParentCode).HasColumnName("parent_code").HasMaxLength(64);
            e.Property(x => x.Active).HasColumnName("active");
            e.Property(x => x.Version).HasColumnName("version");
        });
        modelBuilder.Entity<DeactivatedSubject>(e =>
        {
            e.ToTable("directory_deactivated_people");
            e.HasKey(x => x.Subject);
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(100);
            e.Property(x => x.DeactivatedAt).HasColumnName("deactivated_at");
        });
        modelBuilder.Entity<CalendarDayRow>(e =>
        {
            e.ToTable("working_calendar_days", t => t.HasCheckConstraint("ck_working_calendar_days_kind", "kind IN ('holiday', 'workday')"));
            e.HasKey(x => x.Day);
            e.Property(x => x.Day).HasColumnName("day");
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(Coordination.Contracts.FieldLimits.CalendarDayName);
            e.HasData(OfficialCalendar.Rows);
        });
        modelBuilder.Entity<CalendarVersionRow>(e =>
        {
            e.ToTable("working_calendar", t => t.HasCheckConstraint("ck_working_calendar_one_row", "id = 1"));
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.ChangedAt).HasColumnName("changed_at");
            e.HasData(new CalendarVersionRow { Id = 1, Version = OfficialCalendar.Version, ChangedAt = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) });
        });
        modelBuilder.Entity<CaseRecusal>(e =>
        {
            e.ToTable("case_recusals");
            e.HasKey(x => new { x.Party, x.CaseId }); // a caller's recusals are read by party on every call
            e.Property(x => x.Party).HasColumnName("party").HasMaxLength(Coordination.Contracts.FieldLimits.Login + 8);
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.Since).HasColumnName("since");
        });
        OnServiceModelCreating(modelBuilder);
    }

    protected abstract void OnServiceModelCreating(ModelBuilder modelBuilder);
}
