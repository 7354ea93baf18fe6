using Coordination.Console.Hosting;
using Grpc.Net.Client;

namespace Coordination.Console.Calls;

/// <summary>One HTTP/2 channel per service for the whole console; each call carries its caller's token.</summary>
public sealed class ServiceChannels(ConsoleOptions options) : IDisposable
{
    public GrpcChannel Intake { get; } = GrpcChannel.ForAddress(options.Services.Intake);
    public GrpcChannel Assignment { get; } = GrpcChannel.ForAddress(options.Services.Assignment);
    public GrpcChannel LegalDiversion { get; } = GrpcChannel.ForAddress(options.Services.LegalDiversion);
    public GrpcChannel JointMeeting { get; } = GrpcChannel.ForAddress(options.Services.JointMeeting);
    public GrpcChannel Reporting { get; } = GrpcChannel.ForAddress(options.Services.Reporting);
    public GrpcChannel Directory { get; } = GrpcChannel.ForAddress(options.Services.Directory);

    public void Dispose()
    {
        foreach (var channel in new[] { Intake, Assignment, LegalDiversion, JointMeeting, Reporting, Directory }) channel.Dispose();
    }
}
