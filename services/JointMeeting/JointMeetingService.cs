using Coordination.JointMeeting.Api;
using Coordination.JointMeeting.Consumers;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.JointMeeting;

public static class JointMeetingService
{
    public const string Name = "joint-meeting";
    public const int DefaultGrpcPort = 5104;

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(JointMeetingService).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(Name, DefaultGrpcPort);
        builder.AddServiceDatabase<JointMeetingDb>("joint_meeting");
        builder.AddMessaging(Name, x => x.AddConsumer<JointMeetingRequestedConsumer>());

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<JointMeetingGrpcService>().RequireAuthorization();
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.MigrateDatabaseAsync<JointMeetingDb>();
        await app.RunAsync();
    }
}
