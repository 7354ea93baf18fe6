using System.Text.RegularExpressions;
using Coordination.IntegrationTests.Authorization;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Coordination.IntegrationTests.Authorization.AccessMatrix;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The authorization matrix (<see cref="AccessMatrix"/>), through the running services: every method of every service's own
/// gRPC descriptor and every HTTP download has its row, and every role, in and out of scope, gets what its cell says; a
/// refused call changes no table and publishes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class When_every_role_calls_every_method(SystemFixture system, ITestOutputHelper output)
{
    /// <summary>Every gRPC method the running services map (health and reflection are the framework's, open to all).</summary>
    private IEnumerable<string> MappedMethods() =>
        new[] { system.Intake, system.Assignment, system.LegalDiversion, system.JointMeeting, system.Reporting, system.Directory }
            .SelectMany(i => i.App.Services.GetServices<EndpointDataSource>()).SelectMany(s => s.Endpoints)
            .Select(e => e.Metadata.GetMetadata<global::Grpc.AspNetCore.Server.GrpcMethodMetadata>()?.Method)
            .Where(m => m is not null && !m.ServiceName.StartsWith("grpc.", StringComparison.Ordinal))
            .Select(m => $"{m!.ServiceName[(m.ServiceName.LastIndexOf('.') + 1)..]}/{m.Name}").Distinct();

    [Fact]
    public void Every_method_and_download_has_a_row_and_a_call()
    {
        var methods = MappedMethods().ToList();
        Assert.Contains("OutboxService/ListQuarantinedMessages", methods);
        var downloads = system.Reporting.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(p => p.StartsWith("/reports/", StringComparison.Ordinal))
            .Select(p => $"{Downloads}/{p}").ToList();
        Assert.NotEmpty(downloads);
        var rows = Rows.Select(r => r.Key).ToList();
        Assert.Empty(methods.Concat(downloads).Except(rows)); // a method without a row
        Assert.Empty(rows.Except(methods.Concat(downloads)));  // a row of no method
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Empty(rows.Except(MatrixCalls.All.Keys));       // a row the test cannot call
    }

    [Fact]
    public void The_readme_shows_the_matrix()
    {
        var path = MatrixReadme.ReadmePath();
        var readme = File.ReadAllText(path);
        var rendered = MatrixReadme.Render();
        if (Environment.GetEnvironmentVariable("COORDINATION_WRITE_MATRIX") == "1" && MatrixReadme.Section(readme) is { } old)
            File.WriteAllText(path, readme.Replace(old, rendered));
        else
            Assert.Equal(rendered, MatrixReadme.Section(readme));
    }

    [Fact]
    public async Task Each_role_in_and_out_of_scope_gets_what_the_matrix_says_and_a_refusal_changes_nothing()
    {
        var world = await MatrixWorld.BuildAsync(system);
        using var fingerprint = new SystemFingerprint(system);
        await fingerprint.QuietAsync();
        var wrong = new List<string>();
        var calls = (from row in Rows
                     from column in Columns
                     from inScope in column is Administrator or Anonymous ? new[] { true } : [true, false]
                     let expected = inScope ? row.For(column).InScope : row.For(column).OutOfScope
                     select (row, column, inScope, expected)).ToList();

        // Refusals first, while nothing else moves, each method's checked against the whole system's state.
        foreach (var method in calls.Where(c => c.expected != Outcome.Allowed).GroupBy(c => c.row.Key))
        {
            var before = await fingerprint.TakeAsync();
            foreach (var (row, column, inScope, expected) in method) await CheckAsync(world, row, column, inScope, expected, wrong);
            var changed = SystemFingerprint.Differences(before, await fingerprint.TakeAsync()).ToList();
            if (changed.Count > 0) wrong.Add($"{method.Key}: refused calls changed {string.Join(", ", changed)}");
        }
        foreach (var (row, column, inScope, expected) in calls.Where(c => c.expected == Outcome.Allowed))
            await CheckAsync(world, row, column, inScope, expected, wrong);

        await fingerprint.QuietAsync(); // the rebuild it started, and every event of the allowed calls, settle before the next test
        await world.RemoveQuarantinedRowsAsync();
        foreach (var line in wrong) output.WriteLine(line);
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls.Count} calls differ from the matrix:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public async Task A_person_recused_from_the_cases_gets_what_the_recused_column_says()
    {
        var world = await MatrixWorld.BuildAsync(system);
        await world.RecuseAsync();
        var wrong = new List<string>();
        var calls = (from row in Rows
                     from column in CaseRoles
                     where row.For(column).InScope == Outcome.Allowed && row.Recused != Recusal.None
                     select (row, column)).ToList();
        foreach (var (row, column) in calls)
        {
            var (outcome, detail) = await RecusedOutcomeAsync(world, row, column);
            if (outcome != row.Recused.Expected.ToString()) wrong.Add($"{row.Key} as a recused {column}: expected {row.Recused.Expected}, got {outcome} {detail}");
        }
        await world.RemoveQuarantinedRowsAsync();
        foreach (var line in wrong) output.WriteLine(line);
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls.Count} calls differ from the recused column:\n{string.Join("\n", wrong)}");
    }

    private static async Task<(string Outcome, string Detail)> RecusedOutcomeAsync(MatrixWorld world, MatrixRow row, string column)
    {
        try
        {
            var reply = await MatrixCalls.All[row.Key](world, world.Recused[column].Token);
            if (row.Recused != Recusal.LeftOut) return (nameof(Outcome.Allowed), "");
            var seen = world.CaseIdentifiers.FirstOrDefault(id => reply.Contains(id, StringComparison.OrdinalIgnoreCase));
            return seen is null ? (nameof(Outcome.Hidden), "") : ("Visible", $"(shows {seen})");
        }
        catch (RpcException ex)
        {
            return ex.StatusCode switch
            {
                StatusCode.FailedPrecondition or StatusCode.AlreadyExists => (row.Recused == Recusal.LeftOut ? nameof(Outcome.Hidden) : nameof(Outcome.Allowed), ""),
                StatusCode.NotFound when Guids().IsMatch(ex.Status.Detail) => ("NotFoundNamingAnId", ex.Status.Detail),
                _ => (ex.StatusCode.ToString(), ex.Status.Detail),
            };
        }
    }

    private static async Task CheckAsync(MatrixWorld world, MatrixRow row, string column, bool inScope, Outcome expected, List<string> wrong)
    {
        var (actual, detail) = await OutcomeOfAsync(world, row, column, inScope);
        if (actual != expected.ToString())
            wrong.Add($"{row.Key} as {column} {(inScope ? "in" : "out of")} scope: expected {expected}, got {actual} {detail}");
    }

    private static async Task<(string Outcome, string Detail)> OutcomeOfAsync(MatrixWorld world, MatrixRow row, string column, bool inScope)
    {
        try
        {
            var reply = await MatrixCalls.All[row.Key](world, world.TokenOf(column, inScope));
            var seen = world.Identifiers.FirstOrDefault(id => reply.Contains(id, StringComparison.OrdinalIgnoreCase));
            if (inScope || row.For(column).OutOfScope != Outcome.Hidden) return (nameof(Outcome.Allowed), "");
            return seen is null ? (nameof(Outcome.Hidden), "") : ("Visible", $"(shows {seen})");
        }
        catch (RpcException ex)
        {
            return ex.StatusCode switch
            {
                StatusCode.FailedPrecondition or StatusCode.AlreadyExists => (nameof(Outcome.Allowed), ""),
                StatusCode.PermissionDenied => (nameof(Outcome.PermissionDenied), ""),
                StatusCode.Unauthenticated => (nameof(Outcome.Unauthenticated), ""),
                StatusCode.NotFound when Guids().IsMatch(ex.Status.Detail) => ("NotFoundNamingAnId", ex.Status.Detail),
                StatusCode.NotFound => (nameof(Outcome.NotFound), ""),
                _ => (ex.StatusCode.ToString(), ex.Status.Detail),
            };
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();
}
