using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>One authenticated call into each of the five services, for tests about who gets in at all.</summary>
public static class ServiceCalls
{
    public static readonly string[] Services = ["intake", "assignment", "legal_diversion", "joint_meeting", "reporting"];

    public static Task Any(SystemFixture system, string service, Metadata headers) => service switch
    {
        "intake" => new IntakeApi.IntakeApiClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(), headers).ResponseAsync,
        "assignment" => new AssignmentApi.AssignmentApiClient(system.Assignment.Channel).ListAssignmentsAsync(new ListAssignmentsRequest(), headers).ResponseAsync,
        "legal_diversion" => new LegalDiversionApi.LegalDiversionApiClient(system.LegalDiversion.Channel).ListReferralsAsync(new ListReferralsRequest(), headers).ResponseAsync,
        "joint_meeting" => new JointMeetingApi.JointMeetingApiClient(system.JointMeeting.Channel).ListMeetingsAsync(new ListMeetingsRequest(), headers).ResponseAsync,
        "reporting" => new ReportingApi.ReportingApiClient(system.Reporting.Channel)
            .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = Guid.NewGuid().ToString() }, headers).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>The status a call ended with: OK, or the error's code.</summary>
    public static async Task<StatusCode> StatusOf(SystemFixture system, string service, Metadata headers)
    {
        try
        {
            await Any(system, service, headers);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
