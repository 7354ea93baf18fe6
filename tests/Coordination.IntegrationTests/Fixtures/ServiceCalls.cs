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
        "intake" => new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(), headers).ResponseAsync,
        "assignment" => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel).ListAssignmentsAsync(new ListAssignmentsRequest(), headers).ResponseAsync,
        "legal_diversion" => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel).ListReferralsAsync(new ListReferralsRequest(), headers).ResponseAsync,
        "joint_meeting" => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel).ListMeetingsAsync(new ListMeetingsRequest(), headers).ResponseAsync,
        "reporting" => new ReportingService.ReportingServiceClient(system.Reporting.Channel)
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
