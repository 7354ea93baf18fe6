using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Coordination.Intake.Persistence;
using Coordination.JointMeeting.Persistence;
using Coordination.LegalDiversion.Persistence;
using Coordination.Reporting.Persistence;
using AssignmentApp = Coordination.Assignment.AssignmentService;
using IntakeApp = Coordination.Intake.IntakeService;
using JointMeetingApp = Coordination.JointMeeting.JointMeetingService;
using LegalDiversionApp = Coordination.LegalDiversion.LegalDiversionService;
using ReportingApp = Coordination.Reporting.ReportingService;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Scale-out (issue 18): a second replica of every service on the same databases and queues (competing consumers, the
/// relays and scanners on SKIP LOCKED). Cases registered through both Intakes are each opened, assigned and put on the
/// timeline exactly once. (Each deadline rung fired once by two scanners: When_time_limits_pass.)
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_every_service_runs_twice(SystemFixture system)
{
    [Fact]
    public async Task Each_case_is_handled_once_whichever_replica_takes_it()
    {
        var replicas = new List<ServiceInstance>
        {
            await system.StartAsync<Coordination.Assignment.Persistence.AssignmentDb>("assignment", AssignmentApp.Build),
            await system.StartAsync<LegalDiversionDb>("legal_diversion", LegalDiversionApp.Build),
            await system.StartAsync<JointMeetingDb>("joint_meeting", JointMeetingApp.Build),
            await system.StartAsync<ReportingDb>("reporting", ReportingApp.Build),
            await system.StartAsync<IntakeDb>("intake", IntakeApp.Build), // the main Intake's database and queues: a true replica
        };
        try
        {
            await system.KnowTheDirectoryAsync([.. replicas]);
            var intakes = new[] { system.Intake, replicas[^1] };
            var (assignments, reportings) = (new[] { system.Assignment, replicas[0] }, new[] { system.Reporting, replicas[3] });
            using var settling = new Settling([.. intakes, .. assignments], [.. assignments, .. reportings]);
            var registrations = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            {
                var request = Petitions.Valid(region: "320106", topic: "labour");
                var reply = await new IntakeService.IntakeServiceClient(intakes[i % 2].Channel).RegisterPetitionAsync(request, Callers.Clerk());
                return Guid.Parse(reply.CaseId);
            }));
            var cases = registrations.Distinct().ToArray();
            Assert.Equal(40, cases.Length);

            // Every case assigned once in Assignment's database and on Reporting's timeline, whichever replica consumed it.
            await Eventually.UntilAsync(() => system.Reporting.CountAsync(
                    "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'CaseAssigned' AND \"CaseId\" = ANY($1)", cases),
                n => n >= 40, "40 cases assigned on the timeline", TimeSpan.FromSeconds(60));
            // A doubled registration or assignment would be out and consumed by now (instead of a 1 s sleep).
            await settling.UntilSettledAsync(cases, typeof(Coordination.Contracts.Intake.PetitionRegistered), typeof(Coordination.Contracts.Assignment.CaseAssigned));
            Assert.Equal(40, await system.Assignment.CountAsync("SELECT count(*) FROM assignments WHERE \"CaseId\" = ANY($1)", cases));
            Assert.Equal(40, await system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = ANY($1)", cases));
            foreach (var kind in new[] { "PetitionRegistered", "CaseAssigned" })
                Assert.Equal(40, await system.Reporting.CountAsync(
                    "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = $1 AND \"CaseId\" = ANY($2)", kind, cases));
            // Intake saw each hand-over once, whichever Intake replica consumed it.
            await Eventually.UntilAsync(() => system.Intake.CountAsync(
                    "SELECT count(*) FROM petitions WHERE \"Id\" = ANY($1) AND \"Status\" = 'assigned'", cases),
                n => n == 40, "40 petitions marked assigned in Intake");
        }
        finally
        {
            foreach (var replica in replicas) await replica.StopAsync();
        }
    }
}
