using Coordination.JointMeeting.Api;
using Coordination.JointMeeting.Consumers;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Hosting;

namespace Coordination.JointMeeting;

public static class JointMeetingService
{
    public const string Name = "joint-meeting";

    public static readonly ServiceSpec<JointMeetingDb> Spec = new(Name, 5104, "joint_meeting")
    {
        Consumers = x =>
        {
            x.AddConsumer<JointMeetingRequestedConsumer>();
            x.AddConsumer<CommitteeMeetingRequestConsumer>();
        },
        Endpoints = app => app.MapGrpcService<JointMeetingGrpcService>().RequireAuthorization(),
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(JointMeetingService).Assembly.GetName().Name!, args, configure);

    public static Task RunAsync(string[] args) => ServiceApp.RunAsync<JointMeetingDb>(Build(args));
}
