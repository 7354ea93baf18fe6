using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Recusal;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// Keeps this service's copy of the directory: units by version (an older row never overwrites a newer one, so
/// redeliveries and any arrival order are harmless), deactivated people, recused people (ADR 30) and the working calendar
/// (by version too).
/// </summary>
public sealed class DirectoryReplicaConsumer(ServiceDbContext db, UnitDirectory units, DeactivatedPeople people, WorkingCalendarStore calendar) :
    IConsumer<UnitRegistered>, IConsumer<UnitChanged>, IConsumer<UnitDirectoryPublished>, IConsumer<PersonDeactivated>, IConsumer<WorkingCalendarChanged>,
    IConsumer<PersonRecused>
{
    private const string Upsert = """
        INSERT INTO directory_units (code, name, kind, region_code, parent_code, active, version)
        SELECT * FROM unnest(@codes, @names, @kinds, @regions, @parents, @actives, @versions)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, region_code = excluded.region_code,
            parent_code = excluded.parent_code, active = excluded.active, version = excluded.version
        WHERE directory_units.version < excluded.version
        """;

    public Task Consume(ConsumeContext<UnitRegistered> context) => StoreAsync([context.Message.Unit], [], context.CancellationToken);
    public Task Consume(ConsumeContext<UnitChanged> context) => StoreAsync([context.Message.Unit], [], context.CancellationToken);

    public async Task Consume(ConsumeContext<UnitDirectoryPublished> context)
    {
        await StoreAsync(context.Message.Units, context.Message.DeactivatedPeople, context.CancellationToken);
        await RecuseAsync(context.Message.Recusals, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<PersonRecused> context) => RecuseAsync(
        [new RecusedPerson { Subject = context.Message.Subject, CaseId = context.Message.CaseId, RecusedAt = context.Message.OccurredAt }],
        context.CancellationToken);

    /// <summary>A recusal is never lifted by a copy: a repeated or older message adds nothing.</summary>
    private async Task RecuseAsync(IReadOnlyList<RecusedPerson> recused, CancellationToken ct)
    {
        if (recused.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO case_recusals (party, case_id, since) SELECT * FROM unnest(@parties, @cases, @times) ON CONFLICT DO NOTHING;
            SELECT pg_notify('{RecusalCache.Channel}', '');
            """, [
            new NpgsqlParameter("parties", recused.Select(r => CaseRecusal.PersonParty(r.Subject)).ToArray()),
            new NpgsqlParameter("cases", recused.Select(r => r.CaseId).ToArray()),
            new NpgsqlParameter("times", recused.Select(r => r.RecusedAt.ToUniversalTime()).ToArray()),
        ], ct);
    }

    public Task Consume(ConsumeContext<PersonDeactivated> context) =>
        StoreAsync([], [new DeactivatedPerson { Subject = context.Message.Subject, DeactivatedAt = context.Message.OccurredAt }], context.CancellationToken);

    /// <summary>The whole calendar, applied only when newer than this copy; future limits are re-planned with it.</summary>
    public Task Consume(ConsumeContext<WorkingCalendarChanged> context) =>
        calendar.ReplaceAsync(context.Message.Version, context.Message.Days, context.CancellationToken);

    private async Task StoreAsync(IReadOnlyList<DirectoryUnit> changed, IReadOnlyList<DeactivatedPerson> deactivated, CancellationToken ct)
    {
        if (changed.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(Upsert, [
                new NpgsqlParameter("codes", changed.Select(u => u.Code).ToArray()),
                new NpgsqlParameter("names", changed.Select(u => u.Name).ToArray()),
                new NpgsqlParameter("kinds", changed.Select(u => u.Kind).ToArray()),
                new NpgsqlParameter("regions", changed.Select(u => u.RegionCode).ToArray()),
                new NpgsqlParameter("parents", changed.Select(u => u.ParentCode).ToArray()),
                new NpgsqlParameter("actives", changed.Select(u => u.Active).ToArray()),
                new NpgsqlParameter("versions", changed.Select(u => u.Version).ToArray()),
            ], ct);
            units.Forget();
        }
        if (deactivated.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO directory_deactivated_people (subject, deactivated_at) SELECT * FROM unnest(@subjects, @times)
                ON CONFLICT (subject) DO UPDATE SET deactivated_at = GREATEST(directory_deactivated_people.deactivated_at, excluded.deactivated_at)
                """, [
                new NpgsqlParameter("subjects", deactivated.Select(p => p.Subject).ToArray()),
                new NpgsqlParameter("times", deactivated.Select(p => p.DeactivatedAt.ToUniversalTime()).ToArray()),
            ], ct);
            foreach (var person in deactivated) people.Add(person.Subject, person.DeactivatedAt);
        }
    }
}
