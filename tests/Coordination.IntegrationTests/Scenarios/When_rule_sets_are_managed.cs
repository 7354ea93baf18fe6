using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using Npgsql;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// An administrator saves rule sets through the API (ADR 20): checked per field, versioned, previewed, and in force for
/// the very next registration. On a clock world (Monday 28 September 2026), so the run's other cases keep their rules.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_rule_sets_are_managed(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Metadata Admin = Callers.Administrator();

    [Fact]
    public async Task A_saved_rule_set_is_in_force_for_the_next_registration_and_the_preview_shows_its_limits()
    {
        await using var world = await ClockWorld.StartAsync(system, "rules");
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        var draft = RuleSets.Valid("2026-09-28");
        draft.AcknowledgeWorkingDays = 5;
        draft.AcceptNoticeDays = 10;

        var saved = (await api.SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = draft }, Admin)).RuleSet;
        Assert.Equal(("2026.2", "admin", 5), (saved.Version, saved.SavedBy, saved.AcknowledgeWorkingDays));
        var list = await api.ListRuleSetsAsync(new ListRuleSetsRequest(), Admin);
        Assert.Equal(["2026.1", "2026.2"], list.RuleSets.Select(r => r.Version));
        Assert.Equal("2026.2", list.InForce);

        var preview = await api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-09-28" }, Admin);
        Assert.Equal("2026.2", preview.Version);
        var due = preview.Deadlines.ToDictionary(d => d.Step, d => d.DueAt.ToDateTimeOffset());
        // Five working days from Monday 28 September: 29, 30 September, 8, 9 and Saturday 10 October (调休).
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 0, 0, 0, Cst), due["acknowledge"]);
        // Ten days: 8 October, a working day.
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, Cst), due["accept_notice"]);

        var caseId = await world.RegisterAsync();
        var handOver = await new CaseFlow(world.Assignment.Channel).AssignmentOfAsync(caseId);
        Assert.Equal(due["acknowledge"], handOver.AcknowledgeDueAt.ToDateTimeOffset());
        var limits = (await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId.ToString() }, CaseFlow.Bureau)).Deadlines;
        Assert.Equal(due["acknowledge"], limits.Single(d => d.Step == "acknowledge").DueAt.ToDateTimeOffset());
        Assert.Equal(due["accept_notice"], limits.Single(d => d.Step == "accept_notice").DueAt.ToDateTimeOffset());

        // A draft is previewed without being saved; the seeded version still counts three working days.
        var draftPreview = await api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-09-28", RuleSet = RuleSets.Valid("2026-09-28") }, Admin);
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, Cst), draftPreview.Deadlines.Single(d => d.Step == "acknowledge").DueAt.ToDateTimeOffset());
        var seeded = await api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-09-28", Version = "2026.1" }, Admin);
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, Cst), seeded.Deadlines.Single(d => d.Step == "acknowledge").DueAt.ToDateTimeOffset());
        Assert.Equal(2, (await api.ListRuleSetsAsync(new ListRuleSetsRequest(), Admin)).RuleSets.Count);
    }

    [Fact]
    public async Task A_rule_set_saved_on_one_replica_is_in_force_on_another_at_once()
    {
        await using var world = await ClockWorld.StartAsync(system, "replicas");
        var other = await world.StartAssignmentAsync(); // same database, same (frozen) clock: its cache would never expire by age
        var first = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        var second = new AssignmentService.AssignmentServiceClient(other.Channel);
        Assert.Equal("2026.1", (await second.ListRuleSetsAsync(new ListRuleSetsRequest(), Admin)).InForce); // cached there now

        await first.SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = RuleSets.Valid("2026-09-28") }, Admin);
        // PostgreSQL's NOTIFY reaches the other replica's listener within moments; the fake clock never ages its cache.
        await Eventually.UntilAsync(async () => (await second.ListRuleSetsAsync(new ListRuleSetsRequest(), Admin)).InForce, v => v == "2026.2",
            "the other replica to use the new rule set", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Bad_rule_sets_are_refused_per_field_others_may_not_touch_them_and_the_table_takes_no_zero_day_limit()
    {
        await using var world = await ClockWorld.StartAsync(system, "badrules");
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        var bad = RuleSets.Valid("2026-09-27"); // yesterday on the world's clock
        bad.AcknowledgeWorkingDays = 0;
        bad.HandlingDays = -10;
        bad.ReviewDecisionDays = 0;
        bad.ReminderFraction = 1.5;
        var ex = await Refused(() => api.SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = bad }, Admin).ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "rule_set.effective_from", "rule_set.acknowledge_working_days", "rule_set.handling_days", "rule_set.review_decision_days",
                     "rule_set.reminder_fraction" })
            Assert.Contains(field + ":", ex.Status.Detail);
        Assert.DoesNotContain("rule_set.accept_notice_days", ex.Status.Detail);
        await Refused(() => api.SaveRuleSetAsync(new SaveRuleSetRequest(), Admin).ResponseAsync, StatusCode.InvalidArgument, "rule_set");
        await Refused(() => api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "28/09/2026", RuleSet = bad }, Admin).ResponseAsync,
            StatusCode.InvalidArgument, "registration_day");
        await Refused(() => api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-09-28", Version = "1999.9" }, Admin).ResponseAsync,
            StatusCode.NotFound);

        foreach (var caller in new[] { CaseFlow.Bureau, Callers.Clerk(), Unit })
        {
            await Refused(() => api.SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = RuleSets.Valid("2026-10-01") }, caller).ResponseAsync, StatusCode.PermissionDenied);
            await Refused(() => api.ListRuleSetsAsync(new ListRuleSetsRequest(), caller).ResponseAsync, StatusCode.PermissionDenied);
            await Refused(() => api.PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = "2026-09-28" }, caller).ResponseAsync, StatusCode.PermissionDenied);
        }
        Assert.Equal(1, await world.Assignment.CountAsync("SELECT count(*) FROM rule_sets"));

        // Written by hand, a 0-day limit is refused by the table itself: it can no longer reach routing.
        var sql = await Assert.ThrowsAsync<PostgresException>(() => world.Assignment.CountAsync(
            "INSERT INTO rule_sets SELECT 'by-hand', \"EffectiveFrom\", 0, \"AcceptNoticeDays\", \"ObjectionWorkingDays\", \"HandlingDays\", \"MaxExtensionDays\", " +
            "\"RehandlingDays\", \"ReviewRequestDays\", \"ReviewDecisionDays\", \"ReturnCap\", \"ReminderFraction\", \"SupervisionWorkingDays\", \"SavedAt\", \"SavedBy\" FROM rule_sets"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, sql.SqlState);
    }

    [Fact]
    public async Task The_command_line_reads_the_calendar_and_saves_previews_and_lists_rule_sets()
    {
        await using var world = await ClockWorld.StartAsync(system, "clirules");
        var token = TestTokens.Mint("admin", Roles.Administrator, "jiangsu-petition-bureau", "320000");
        var addresses = new Dictionary<string, string>
        {
            ["COORD_ASSIGNMENT"] = $"http://127.0.0.1:{world.Assignment.GrpcPort}", ["COORD_DIRECTORY_GRPC"] = $"http://127.0.0.1:{system.Directory.GrpcPort}",
        };
        var calendar = await CoordCli.RunAsync(system, addresses, "--token", token, "calendar", "2026", "--json");
        Assert.Contains("\"date\": \"2026-10-10\"", calendar);
        Assert.Contains("国庆节调休", calendar);

        var saved = await CoordCli.RunAsync(system, addresses, "--token", token, "save-rule-set", "--effective-from", "2026-10-01", "--handling-days", "45");
        Assert.Contains("\"version\": \"2026.2\"", saved);
        Assert.Contains("\"handlingDays\": 45", saved);
        var listed = await CoordCli.RunAsync(system, addresses, "--token", token, "rule-sets", "--json");
        Assert.Contains("\"inForce\": \"2026.1\"", listed); // the world's clock says 28 September
        var preview = await CoordCli.RunAsync(system, addresses, "--token", token, "preview-deadlines", "2026-10-08", "--json");
        Assert.Contains("\"version\": \"2026.2\"", preview);
    }
}
