using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Npgsql;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The deadline scanner and a unit's action change the same limit at the same moment: the 催办 the scanner sent is
/// not lost under the action's write, and the limit, met late, leaves the overdue list (DeadlineCleared).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_scanner_races_a_user_action(SystemFixture system)
{
    [Fact]
    public async Task A_limit_met_while_its_reminder_is_sent_is_cleared_from_the_overdue_list()
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var a = await flow.AssignedAsync(system.Intake.Channel);
        var deadlineId = await DeadlineAsync(a.AssignmentId, "acknowledge");

        // The scanner's part, held open: it has claimed the limit and recorded its 催办, not yet committed.
        await using var scanner = new NpgsqlConnection(system.Assignment.ConnectionString);
        await scanner.OpenAsync();
        await using var tx = await scanner.BeginTransactionAsync();
        foreach (var sql in new[]
        {
            "SELECT 1 FROM deadlines WHERE \"Id\" = $1 FOR UPDATE",
            "UPDATE deadlines SET \"OverdueSentAt\" = now() WHERE \"Id\" = $1",
        })
        {
            await using var step = new NpgsqlCommand(sql, scanner, tx);
            step.Parameters.AddWithValue(deadlineId);
            await step.ExecuteNonQueryAsync();
        }

        // The unit signs for it meanwhile: it read the limit as not yet overdue and now waits for the scanner's row.
        var acknowledging = flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = a.AssignmentId }, Unit).ResponseAsync;
        await Eventually.UntilAsync(() => system.Assignment.CountAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"),
            n => n > 0, "the acknowledgement to wait for the scanner's lock");
        await tx.CommitAsync();

        var acknowledged = await acknowledging;
        Assert.Equal("acknowledged", acknowledged.Assignment.Status);
        Assert.Equal(1, await system.Assignment.CountAsync(
            "SELECT count(*) FROM deadlines WHERE \"Id\" = $1 AND \"MetAt\" IS NOT NULL AND \"OverdueSentAt\" IS NOT NULL", deadlineId));
        await Eventually.UntilAsync(() => system.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = 'DeadlineCleared'", Guid.Parse(a.CaseId)),
            n => n == 1, "the late acknowledgement to clear the limit (DeadlineCleared)");
    }

    private async Task<Guid> DeadlineAsync(string assignmentId, string step)
    {
        await using var connection = new NpgsqlConnection(system.Assignment.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM deadlines WHERE \"AssignmentId\" = $1 AND \"Step\" = $2", connection);
        command.Parameters.AddWithValue(Guid.Parse(assignmentId));
        command.Parameters.AddWithValue(step);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
