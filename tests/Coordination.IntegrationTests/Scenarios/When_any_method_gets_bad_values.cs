using System.Diagnostics;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Every method of every service, found from the services' own descriptors, called with requests spoiled one field at
/// a time (over-long, empty, out-of-range, control characters, invalid UTF-8, truncated bytes) under a token of a
/// role the method lets in. Whatever comes back is an answer a client can act on: never UNKNOWN or INTERNAL.
/// A system of its own, since some baseline requests are valid and change data; run alone, after the other
/// collections, since a system's Directory sets the issuer every test token carries (TestTokens.Issuer).
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class When_any_method_gets_bad_values(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static readonly StatusCode[] Answers =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.PermissionDenied, StatusCode.FailedPrecondition,
        StatusCode.AlreadyExists, StatusCode.Unauthenticated,
    ];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static readonly (string Role, string Unit, string Region)[] People =
    [
        (Roles.Clerk, "nanjing-petition-bureau", "320100"), (Roles.Bureau, "nanjing-petition-bureau", "320100"),
        (Roles.Department, "xuanwu-housing-office", "320102"), (Roles.Committee, "nanjing-political-legal-committee", "320100"),
        (Roles.Institution, "xuanwu-court", "320102"), (Roles.Leader, "xuanwu-housing-office", "320102"),
        (Roles.Administrator, "jiangsu-petition-bureau", "320000"),
    ];

    private static readonly FileDescriptor[] Apis =
    [
        Coordination.Grpc.Intake.IntakeReflection.Descriptor, Coordination.Grpc.Assignment.AssignmentReflection.Descriptor,
        Coordination.Grpc.Assignment.SuggestionsReflection.Descriptor, Coordination.Grpc.Assignment.CaseOwnershipReflection.Descriptor,
        Coordination.Grpc.Assignment.AccountabilityReflection.Descriptor,
        Coordination.Grpc.LegalDiversion.LegalDiversionReflection.Descriptor, Coordination.Grpc.JointMeeting.JointMeetingReflection.Descriptor,
        Coordination.Grpc.Reporting.ReportingReflection.Descriptor, Coordination.Grpc.Directory.DirectoryReflection.Descriptor,
        Coordination.Grpc.Operations.OperationsReflection.Descriptor, // every service maps it: Intake's stands for all
    ];

    [Fact]
    public async Task Only_answers_a_client_can_act_on_come_back()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var calls = 0;
        var methods = Apis.SelectMany(f => f.Services).SelectMany(s => s.Methods).ToList();
        Assert.True(methods.Count > 60, $"only {methods.Count} methods found");
        var messages = new FuzzMessages(await ThingsThatExistAsync());
        foreach (var method in methods)
        {
            var channel = ChannelOf(method.Service);
            var headers = await FittingCallerAsync(channel, method);
            foreach (var fuzz in messages.For(method.InputType))
            {
                calls++;
                var (status, detail) = await CallAsync(channel, method, fuzz.Body, headers);
                if (!Answers.Contains(status))
                    failures.Add($"{method.Service.Name}.{method.Name} {fuzz.Spoiled}: {status} {detail}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered what no client can act on:\n" + string.Join("\n", failures.Take(400)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{calls} calls took {clock.Elapsed}");
    }

    /// <summary>
    /// A case with its hand-over, a referral, a proposed meeting and a reception day, in Nanjing (the fuzzers' region):
    /// with their ids in the baseline a spoiled field gets past the look-ups to where it would be stored.
    /// </summary>
    private async Task<Dictionary<string, string>> ThingsThatExistAsync()
    {
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        var clerk = Callers.As(Roles.Clerk, "nanjing-petition-bureau", "320100");
        var bureau = Callers.As(Roles.Bureau, "nanjing-petition-bureau", "320100");
        var handled = await intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), clerk);
        var legal = Petitions.Valid(region: "320102", topic: "contract dispute");
        legal.LawRelated = true;
        var diverted = await intake.RegisterPetitionAsync(legal, clerk);
        var crossRegion = Petitions.Valid(region: "320102", topic: "water pollution");
        crossRegion.OtherRegionCodes.Add("321100");
        var convened = await intake.RegisterPetitionAsync(crossRegion, clerk);
        var day = await intake.ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
        {
            LeaderName = "周市长", LeaderTitle = "副市长", Level = ReceptionLevel.City, RegionCode = "320100", Date = "2026-12-01", Place = "市信访局",
        }, clerk);

        var assignment = await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(handled.CaseId), bureau);
        var referral = (await Eventually.UntilAsync(() => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel)
            .ListReferralsAsync(new ListReferralsRequest { CaseId = diverted.CaseId }, Callers.As(Roles.Committee, "nanjing-political-legal-committee", "320100"))
            .ResponseAsync, r => r.Referrals.Count == 1, "the law-related case to become a referral")).Referrals[0];
        var meeting = (await Eventually.UntilAsync(() => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel)
            .ListMeetingsAsync(new ListMeetingsRequest { CaseId = convened.CaseId }, bureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the cross-region case to become a proposed meeting")).Meetings[0];
        var events = new MajorEventService.MajorEventServiceClient(system.Assignment.Channel);
        var majorEvent = (await events.OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = handled.CaseId, Kind = "to_beijing", Title = "赴京" }, bureau)).MajorEvent;
        var dispatch = (await events.DispatchReturnTeamAsync(new DispatchReturnTeamRequest
        {
            MajorEventId = majorEvent.MajorEventId, Destination = "beijing", FromUnit = "xuanwu-gov", People = { "staff.wang" },
            DepartAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        }, bureau)).MajorEvent.Dispatches[0];
        var file = await AccountabilityFiles.OpenedAsync(system.Assignment, handled.CaseId, "320102", "xuanwu-housing-office");
        return new Dictionary<string, string>
        {
            ["major_event_id"] = majorEvent.MajorEventId, ["dispatch_id"] = dispatch.DispatchId, ["file_id"] = file,
            ["case_id"] = handled.CaseId, ["assignment_id"] = assignment.AssignmentId, ["referral_id"] = referral.ReferralId,
            ["meeting_id"] = meeting.MeetingId, ["reception_day_id"] = day.ReceptionDay.ReceptionDayId, ["query_code"] = handled.QueryCode,
        };
    }

    private GrpcChannel ChannelOf(ServiceDescriptor service) => service.File.Package switch
    {
        "coordination.intake.v1" => system.Intake.Channel,
        "coordination.assignment.v1" => system.Assignment.Channel,
        "coordination.legal.v1" => system.LegalDiversion.Channel,
        "coordination.jointmeeting.v1" => system.JointMeeting.Channel,
        "coordination.reporting.v1" => system.Reporting.Channel,
        "coordination.directory.v1" => system.Directory.Channel,
        "coordination.operations.v1" => system.Intake.Channel,
        var package => throw new InvalidOperationException($"no service for {package}"),
    };

    /// <summary>The first person whose role the method lets past its role check (an empty request tells).</summary>
    private static async Task<Metadata> FittingCallerAsync(GrpcChannel channel, MethodDescriptor method)
    {
        foreach (var (role, unit, region) in People)
        {
            var headers = Callers.Bearer(TestTokens.Mint($"fuzz-{role}", role, unit, region, leaderTitle: role == Roles.Leader ? "主任" : null));
            var (status, _) = await CallAsync(channel, method, [], headers);
            if (status != StatusCode.PermissionDenied) return headers;
        }
        return Callers.Bearer(TestTokens.Mint("fuzz-clerk", Roles.Clerk, "nanjing-petition-bureau", "320100"));
    }

    private static async Task<(StatusCode Status, string Detail)> CallAsync(GrpcChannel channel, MethodDescriptor method, byte[] body, Metadata headers)
    {
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Raw, Raw);
        try
        {
            if (!method.IsServerStreaming)
            {
                await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), body);
                return (StatusCode.OK, "");
            }
            // A stream that is still open after a moment has accepted the request.
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            using var stream = channel.CreateCallInvoker().AsyncServerStreamingCall(call, null, new CallOptions(headers, cancellationToken: stop.Token), body);
            try
            {
                while (await stream.ResponseStream.MoveNext(stop.Token)) { }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested) { }
            return (StatusCode.OK, "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "fuzz";
}
