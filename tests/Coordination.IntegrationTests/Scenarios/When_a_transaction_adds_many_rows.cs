using Coordination.Assignment.Persistence;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.IntegrationTests.Fixtures;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// A transaction's added rows of plain tables are written a statement a table (issue 15; TableInserts), and nothing a
/// caller sees differs from EF Core's own insert: the values the database makes are set on the rows, the rows are then
/// unchanged and can be changed and saved again, the database's refusals are the same, and rows that need different
/// columns go through EF Core.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_transaction_adds_many_rows(SystemFixture system)
{
    [Fact]
    public async Task Each_table_is_one_statement_and_the_rows_get_what_the_database_made()
    {
        var caseId = Guid.NewGuid();
        var entries = Enumerable.Range(0, 40).Select(i => new TimelineEntry
        {
            CaseId = caseId, MessageId = Guid.NewGuid(), Kind = "Probe", Service = "test", OccurredAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
            Detail = $"row {i}", Actor = i % 3 == 0 ? "" : $"actor {i}",
        }).ToList();
        var notices = Enumerable.Range(0, 25).Select(i => new Notification
        {
            Id = Guid.NewGuid(), Kind = "Probe", CaseId = caseId, Summary = $"notice {i}", UnitCode = i % 2 == 0 ? null : "u1",
            OccurredAt = DateTimeOffset.UnixEpoch, SubjectId = i % 4 == 0 ? Guid.NewGuid() : null,
        }).ToList();
        // Rows of a table that reads nothing back come first in the batch: the reader must skip them, not miss the rest.
        var logged = Enumerable.Range(0, 10).Select(i => new EventLogEntry
        {
            MessageId = Guid.NewGuid(), MessageType = "Probe", CaseId = caseId, OccurredAt = DateTimeOffset.UnixEpoch, Body = $"{{\"n\":{i}}}",
        }).ToList();
        var (rows, statements) = (TableInserts.Rows, TableInserts.Statements);
        await using (var scope = system.Reporting.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddRange(logged);
            db.AddRange(entries);
            db.AddRange(notices);
            Assert.Equal(75, await db.SaveChangesAsync());
            // Three tables, three statements (a consumer of the shared system may write some of its own meanwhile).
            Assert.True(TableInserts.Rows - rows >= 75);
            Assert.InRange(TableInserts.Statements - statements, 3, 12);
            var committedAt = await db.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync();
            await tx.CommitAsync();

            // Every row is unchanged, with the identity and the default the database gave it.
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.All(notices, n => Assert.Equal(committedAt, n.RecordedAt));
            Assert.Equal(40, entries.Select(e => e.Id).Distinct().Count());
        }
        // Each entry's id is the id its row was stored under, in the order the rows were added.
        await using (var connection = new NpgsqlConnection(system.Reporting.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT \"MessageId\", \"Id\", \"Actor\" FROM timeline_entries WHERE \"CaseId\" = $1", connection)
                { Parameters = { new() { Value = caseId } } };
            await using var reader = await read.ExecuteReaderAsync();
            var stored = new Dictionary<Guid, (long Id, string Actor)>();
            while (await reader.ReadAsync()) stored[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
            Assert.Equal(40, stored.Count);
            Assert.All(entries, e => Assert.Equal((e.Id, e.Actor), stored[e.MessageId]));
            Assert.Equal(entries.Select(e => e.Id).Order(), entries.Select(e => e.Id));
        }
        Assert.Equal(10, await system.Reporting.CountAsync("SELECT count(*) FROM event_log WHERE \"CaseId\" = $1", caseId));
        Assert.Equal(13, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"CaseId\" = $1 AND \"UnitCode\" IS NULL", caseId));
        Assert.Equal(7, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"CaseId\" = $1 AND \"SubjectId\" IS NOT NULL", caseId));
    }

    [Fact]
    public async Task A_row_written_so_can_be_changed_and_saved_again_under_its_version()
    {
        var deadlines = Enumerable.Range(0, 5).Select(i => new Deadline
        {
            Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Step = "Probe", UnitCode = "u1", StartedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await using (var scope = system.Assignment.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssignmentDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddRange(deadlines);
            db.Publish(new OutboxProbeEvent(deadlines[0].CaseId, 1), deadlines[0].CaseId);
            await db.SaveChangesAsync();
            var outbox = db.OutboxMessages.Local.Single();
            Assert.True(outbox.Sequence > 0);
            Assert.Equal(outbox.Sequence, await db.Database.SqlQuery<long>($"SELECT sequence AS \"Value\" FROM outbox_messages WHERE id = {outbox.Id}").SingleAsync());
            Assert.All(deadlines, d => Assert.NotEqual(0u, d.Version));
            // The version read back is the row's: a change saved under it goes through (a wrong one would be refused).
            deadlines[2].Meet(DateTimeOffset.UnixEpoch.AddDays(1));
            db.ChangeTracker.DetectChanges();
            Assert.Equal(1, await db.SaveChangesAsync());
            await db.OutboxMessages.Where(m => m.Id == outbox.Id).ExecuteDeleteAsync();
            await tx.CommitAsync();
        }
        Assert.Equal(1, await system.Assignment.CountAsync("SELECT count(*) FROM deadlines WHERE \"Id\" = ANY($1) AND \"MetAt\" IS NOT NULL", deadlines.Select(d => d.Id).ToArray()));
        // Defaults the rows left alone are the database's (the 0.8 and 5 of the CLR initialisers are written as given).
        Assert.Equal(5, await system.Assignment.CountAsync("SELECT count(*) FROM deadlines WHERE \"Id\" = ANY($1) AND \"ReminderFraction\" = 0.8 AND \"SupervisionWorkingDays\" = 5", deadlines.Select(d => d.Id).ToArray()));
    }

    [Fact]
    public async Task The_database_refuses_what_it_refuses_from_ef_core_and_nothing_of_the_transaction_stays()
    {
        var caseId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await SaveInTransactionAsync(db => db.Add(Entry(caseId, messageId, "first")));

        // A second row for the same message (unique index): a DbUpdateException around PostgreSQL's unique violation, as EF Core's own.
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => SaveInTransactionAsync(db =>
        {
            db.Add(Entry(caseId, Guid.NewGuid(), "beside it"));
            db.Add(Entry(caseId, messageId, "again"));
        }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(duplicate.InnerException).SqlState);

        // A value longer than its column is refused, not cut to fit.
        var tooLong = await Assert.ThrowsAsync<DbUpdateException>(() => SaveInTransactionAsync(db => db.AddRange(
            Entry(caseId, Guid.NewGuid(), "short"),
            new TimelineEntry { CaseId = caseId, MessageId = Guid.NewGuid(), Kind = new string('k', 65), Service = "test" })));
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, Assert.IsType<PostgresException>(tooLong.InnerException).SqlState);

        Assert.Equal(1, await system.Reporting.CountAsync("SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1", caseId));
    }

    [Fact]
    public async Task Rows_that_need_different_columns_go_through_ef_core_with_the_same_result()
    {
        // One notice carries its own RecordedAt, the other leaves it to the database: EF Core writes them, as it always did.
        var caseId = Guid.NewGuid();
        var given = DateTimeOffset.UnixEpoch.AddYears(30);
        await SaveInTransactionAsync(db => db.AddRange(
            new Notification { Id = Guid.NewGuid(), Kind = "Probe", CaseId = caseId, Summary = "given", RecordedAt = given },
            new Notification { Id = Guid.NewGuid(), Kind = "Probe", CaseId = caseId, Summary = "made" }));
        Assert.Equal(1, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"CaseId\" = $1 AND \"Summary\" = 'given' AND \"RecordedAt\" = $2", caseId, given));
        Assert.Equal(1, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"CaseId\" = $1 AND \"Summary\" = 'made' AND \"RecordedAt\" > now() - interval '1 minute'", caseId));
    }

    [Fact]
    public async Task A_row_deleted_and_added_again_under_its_key_in_one_save_is_replaced()
    {
        // EF Core makes one UPDATE of a row removed and added again under the same key: its table is left to EF Core.
        var caseId = Guid.NewGuid();
        var id = Guid.NewGuid();
        await SaveInTransactionAsync(db => db.Add(new Notification { Id = id, Kind = "Probe", CaseId = caseId, Summary = "first" }));
        await SaveInTransactionAsync(db =>
        {
            db.Remove(db.Set<Notification>().Single(n => n.Id == id));
            db.Add(new Notification { Id = id, Kind = "Probe", CaseId = caseId, Summary = "second" });
            db.Add(new Notification { Id = Guid.NewGuid(), Kind = "Probe", CaseId = caseId, Summary = "beside it" });
        });
        Assert.Equal(1, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"Id\" = $1 AND \"Summary\" = 'second'", id));
        Assert.Equal(2, await system.Reporting.CountAsync("SELECT count(*) FROM notifications WHERE \"CaseId\" = $1", caseId));
    }

    [Fact]
    public async Task Petitions_with_their_petitioners_lists_and_json_go_a_statement_a_table_and_read_back_the_same()
    {
        // Intake's registration rows: petitions (text[] lists, a jsonb list), their petitioners (an owned table with an
        // identity key), case progress (a jsonb list). Awkward text survives the array literal it travels in.
        string[] awkward = ["a\"quote", "back\\slash", "{brace},comma", "NULL", "", "空 格", "x"];
        var petitions = Enumerable.Range(0, 12).Select(i => NewPetition(i, awkward)).ToList();
        var progress = petitions.Select(p => new CaseProgress { CaseId = p.Id }).ToList();
        progress[0].Assigned(Guid.NewGuid(), "unit-\"1\"", DateTimeOffset.UnixEpoch.AddDays(3));
        // An Intake of its own: the probe rows stay out of the shared system's listings.
        await using var intake = await system.StartIntakeAsync("intake_table_inserts");
        var statements = TableInserts.Statements;
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddRange(petitions);
            db.AddRange(progress);
            Assert.Equal(12 + 24 + 12, await db.SaveChangesAsync());
            Assert.InRange(TableInserts.Statements - statements, 3, 9);
            await tx.CommitAsync();
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }
        // Each petitioner's identity is its stored row's, and every value reads back as written.
        var ids = petitions.Select(p => p.Id).ToArray();
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            var stored = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            foreach (var written in petitions)
            {
                var read = stored[written.Id];
                Assert.Equal(written.OtherRegionCodes, read.OtherRegionCodes);
                Assert.Equal(written.AssignedUnits, read.AssignedUnits);
                Assert.Equal(written.Attachments.Select(a => (a.FileName, a.ContentType, a.SizeBytes, a.Sha256)),
                    read.Attachments.Select(a => (a.FileName, a.ContentType, a.SizeBytes, a.Sha256)));
                Assert.Equal(written.Petitioners.Select(x => (x.Name, x.Phone, x.IdNumberMasked)).Order(), read.Petitioners.Select(x => (x.Name, x.Phone, x.IdNumberMasked)).Order());
            }
            var holders = (await db.CaseProgress.AsNoTracking().SingleAsync(c => c.CaseId == petitions[0].Id)).Holders;
            Assert.Equal(("unit-\"1\"", HolderDuties.Acknowledge, DateTimeOffset.UnixEpoch.AddDays(3)), (holders.Single().Unit, holders.Single().Duty, holders.Single().DueAt!.Value));
        }
        Assert.Equal(24, await intake.CountAsync("SELECT count(DISTINCT \"Id\") FROM petitioners WHERE \"PetitionId\" = ANY($1)", ids));
        // The petitioners' ids came back in order: the second of each petition was stored after the first.
        Assert.Equal(12, await intake.CountAsync(
            "SELECT count(*) FROM petitioners a JOIN petitioners b ON a.\"PetitionId\" = b.\"PetitionId\" AND a.\"Name\" LIKE '%-0' AND b.\"Name\" LIKE '%-1' AND a.\"Id\" < b.\"Id\" WHERE a.\"PetitionId\" = ANY($1)", ids));
        Assert.Equal(1, await intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = $1 AND \"OtherRegionCodes\" = $2", ids[0], awkward));
    }

    [Fact]
    public async Task Lists_written_as_ef_core_owned_json_read_the_same_and_a_change_is_saved()
    {
        // Rows written before the lists became converted columns hold EF Core's owned JSON: they read the same.
        var petition = NewPetition(0, ["320102"]);
        await using var intake = await system.StartIntakeAsync("intake_json_lists");
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            db.Add(petition);
            db.Add(new CaseProgress { CaseId = petition.Id });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($$"""
                UPDATE petitions SET "Attachments" = '[{"ContentType":"image/png","FileName":"旧.png","Sha256":"ab","SizeBytes":7}]' WHERE "Id" = {{petition.Id}};
                UPDATE case_progress SET "Holders" = '[{"AssignmentId":"00000000-0000-0000-0000-000000000001","DueAt":"2026-01-02T03:04:05+08:00","Duty":"handle","Unit":"u9"}]' WHERE "CaseId" = {{petition.Id}}
                """);
        }
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            var read = await db.Petitions.SingleAsync(p => p.Id == petition.Id);
            Assert.Equal(("旧.png", "image/png", 7L, "ab"), (read.Attachments.Single().FileName, read.Attachments.Single().ContentType, read.Attachments.Single().SizeBytes, read.Attachments.Single().Sha256));
            var progress = await db.CaseProgress.SingleAsync(c => c.CaseId == petition.Id);
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), progress.Holders.Single().DueAt);
            // A change inside the list is seen and saved; an unchanged list is not written.
            progress.Acknowledged(Guid.Parse("00000000-0000-0000-0000-000000000001"));
            progress.Assigned(Guid.NewGuid(), "u10", DateTimeOffset.UnixEpoch);
            Assert.Equal(1, await db.SaveChangesAsync());
            Assert.Equal(0, await db.SaveChangesAsync());
        }
        Assert.Equal(1, await intake.CountAsync("SELECT count(*) FROM case_progress WHERE \"CaseId\" = $1 AND jsonb_array_length(\"Holders\") = 2 AND \"Holders\" @> '[{\"Unit\":\"u10\"}]'", petition.Id));
    }

    [Fact]
    public async Task Rows_that_changed_the_same_columns_go_as_one_update_and_a_later_change_is_still_seen()
    {
        await using var intake = await system.StartIntakeAsync("intake_table_updates");
        var petitions = Enumerable.Range(0, 10).Select(i => NewPetition(i, ["320102"])).ToList();
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            db.AddRange(petitions);
            await db.SaveChangesAsync();
        }
        var ids = petitions.Select(p => p.Id).ToArray();
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var loaded = await db.Petitions.Where(p => ids.Contains(p.Id)).ToListAsync();
            // Nine change the same two columns (one statement), one a third as well (another).
            foreach (var p in loaded) p.RecordAssignment("unit \"a\",{b}");
            loaded[0].TraceParent = "00-probe";
            var statements = TableUpdates.Statements;
            Assert.Equal(10, await db.SaveChangesAsync());
            Assert.InRange(TableUpdates.Statements - statements, 1, 4);
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            // The saved values are the originals now: nothing to save again, and a change inside the list is still seen.
            Assert.Equal(0, await db.SaveChangesAsync());
            loaded[5].RecordAssignment("second");
            Assert.Equal(1, await db.SaveChangesAsync());
            await tx.CommitAsync();
        }
        Assert.Equal(10, await intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = ANY($1) AND \"Status\" = 'assigned' AND 'unit \"a\",{b}' = ANY(\"AssignedUnits\")", ids));
        Assert.Equal(1, await intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = ANY($1) AND \"AssignedUnits\"[array_length(\"AssignedUnits\", 1)] = 'second'", ids));
        Assert.Equal(1, await intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = ANY($1) AND \"TraceParent\" = '00-probe'", ids));

        // A row deleted meanwhile: refused as EF Core refuses it, and nothing of the save is kept.
        await using (var scope = intake.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var loaded = await db.Petitions.Where(p => ids.Contains(p.Id)).ToListAsync();
            foreach (var p in loaded) p.RecordClosure("probe", false);
            await using (var other = new NpgsqlConnection(intake.ConnectionString))
            {
                await other.OpenAsync();
                await using var delete = new NpgsqlBatch(other)
                {
                    BatchCommands =
                    {
                        new("DELETE FROM petitioners WHERE \"PetitionId\" = $1") { Parameters = { new() { Value = ids[3] } } },
                        new("DELETE FROM petitions WHERE \"Id\" = $1") { Parameters = { new() { Value = ids[3] } } },
                    },
                };
                await delete.ExecuteNonQueryAsync();
            }
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(0, await intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Id\" = ANY($1) AND \"Status\" = 'closed'", ids));
    }

    private static Petition NewPetition(int i, string[] lists) => new()
    {
        Id = Guid.NewGuid(), CaseNumber = $"T{Guid.NewGuid():N}"[..20], Channel = "letter", RegionCode = "320102", Category = "grievance",
        Topic = "housing", Summary = $"probe {i}", MatterText = $"probe {i}", ReceivingUnit = "320102-bureau", Clerk = "probe", Outcome = "accepted",
        Status = "registered", QueryCode = Guid.NewGuid().ToString("N")[..16], OtherRegionCodes = [.. lists.Skip(i % 3)], AssignedUnits = i % 2 == 0 ? [] : [.. lists],
        Petitioners = [new() { Name = $"甲{i}-0", Phone = "13800000000" }, new() { Name = $"乙{i}-1", IdNumberMasked = "3201**********1234" }],
        Attachments = i % 2 == 0 ? [] : [new() { FileName = $"f{i}\".pdf", ContentType = "application/pdf", SizeBytes = i, Sha256 = "00" }],
    };

    private static TimelineEntry Entry(Guid caseId, Guid messageId, string detail) =>
        new() { CaseId = caseId, MessageId = messageId, Kind = "Probe", Service = "test", Detail = detail };

    private async Task SaveInTransactionAsync(Action<ReportingDb> add)
    {
        await using var scope = system.Reporting.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDb>();
        await using var tx = await db.Database.BeginTransactionAsync();
        add(db);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
