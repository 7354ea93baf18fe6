using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Recusal;
using Coordination.ServiceDefaults.Attachments;
using Coordination.JointMeeting.Api;
using Coordination.JointMeeting.Consumers;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Time;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Workflow;

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
        Services = builder =>
        {
            builder.AddRecusalShield<MeetingCaseLocator>();
            builder.Services.AddScoped<ICaseOrigins, MeetingOrigins>();
            builder.Services.Configure<MeetingOptions>(builder.Configuration.GetSection("JointMeeting"));
            builder.Services.AddScoped<MeetingActions>();
            builder.Services.AddScoped<MeetingProposals>();
            builder.Services.AddScoped<MeetingQueries>();
            builder.Services.AddScoped<IAttachmentStore, PostgresAttachmentStore<JointMeetingDb>>();
            builder.AddDeadlineScanner<JointMeetingDb, MeetingDeadlines>();
        },
        Endpoints = app => app.MapGrpcService<JointMeetingGrpcService>().RequireAuthorization(),
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(JointMeetingService).Assembly.GetName().Name!, args, configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<JointMeetingDb>(Name, () => Build(args));
}
