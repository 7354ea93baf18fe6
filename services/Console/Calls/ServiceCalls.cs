using Coordination.Console.Hosting;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Coordination.Console.Calls;

/// <summary>
/// The services as the signed-in person sees them (one per circuit): every call carries that person's access token, so
/// the services' own checks decide what comes back. A call refused as Unauthenticated, or made after the session ended,
/// sends the browser back to sign in.
/// </summary>
public sealed class ServiceCalls(ServiceChannels channels, AuthenticationStateProvider authentication, NavigationManager navigation)
{
    public IntakeService.IntakeServiceClient Intake { get; } = new(channels.Intake);
    public AssignmentService.AssignmentServiceClient Assignment { get; } = new(channels.Assignment);
    public SuggestionService.SuggestionServiceClient Suggestions { get; } = new(channels.Assignment);
    public CaseOwnershipService.CaseOwnershipServiceClient Ownerships { get; } = new(channels.Assignment);
    public MajorEventService.MajorEventServiceClient MajorEvents { get; } = new(channels.Assignment);
    public AccountabilityService.AccountabilityServiceClient Accountability { get; } = new(channels.Assignment);
    public LegalDiversionService.LegalDiversionServiceClient Legal { get; } = new(channels.LegalDiversion);
    public JointMeetingService.JointMeetingServiceClient Meetings { get; } = new(channels.JointMeeting);
    public ReportingService.ReportingServiceClient Reporting { get; } = new(channels.Reporting);
    public DirectoryService.DirectoryServiceClient Directory { get; } = new(channels.Directory);

    public async Task<Metadata> HeadersAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Token() is not { } token || user.SessionEnds() is not { } ends || ends <= DateTimeOffset.UtcNow)
        {
            SessionEnded();
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the session ended"));
        }
        return new Metadata { { "Authorization", "Bearer " + token } };
    }

    /// <summary>Calls a service; a refusal lands in <paramref name="problems"/> and returns default.</summary>
    public async Task<T?> CallAsync<T>(Func<Metadata, AsyncUnaryCall<T>> call, Problems problems) where T : class
    {
        problems.Clear();
        try
        {
            var headers = await HeadersAsync();
            return await call(headers);
        }
        catch (RpcException ex)
        {
            if (ex.StatusCode == StatusCode.Unauthenticated) SessionEnded();
            problems.From(ex);
            return null;
        }
    }

    public void SessionEnded() => navigation.NavigateTo(SessionEndpoints.Expired, forceLoad: true);
}
