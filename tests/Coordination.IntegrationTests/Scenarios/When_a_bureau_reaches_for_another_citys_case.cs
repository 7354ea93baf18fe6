using Coordination.Contracts.JointMeeting;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Suzhou's bureau once took a Nanjing case over through a meeting of its own: a meeting carries only cases awaiting one in
/// the convener's jurisdiction, and Assignment moves a case on only for a meeting proposed for it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_bureau_reaches_for_another_citys_case(SystemFixture system)
{
    private static readonly Metadata Nanjing = Callers.As(Roles.Bureau, "nanjing-petition-bureau", "320100");
    private static readonly Metadata Suzhou = Callers.As(Roles.Bureau, "suzhou-petition-bureau", "320500");

    private JointMeetingService.JointMeetingServiceClient Meetings => new(system.JointMeeting.Channel);
    private AssignmentService.AssignmentServiceClient Assignment => new(system.Assignment.Channel);

    [Fact]
    public async Task Its_meeting_cannot_carry_the_case_and_no_foreign_conclusion_moves_it()
    {
        var request = Petitions.Valid(region: "320102", topic: "water pollution");
        request.OtherRegionCodes.Add("321100");
        var caseId = (await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(request, Callers.Clerk())).CaseId;
        var proposal = (await Eventually.UntilAsync(() => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId }, Nanjing).ResponseAsync,
            r => r.Meetings.Count == 1, "Assignment's request to become a proposed meeting")).Meetings[0];
        var meetingsBefore = await system.JointMeeting.CountAsync("SELECT count(*) FROM meetings");

        var foreign = await Refused(() => Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { caseId }, Reason = "接管" }, Suzhou).ResponseAsync,
            StatusCode.NotFound);
        var madeUp = await Refused(() => Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { Guid.NewGuid().ToString() }, Reason = "接管" }, Suzhou)
            .ResponseAsync, StatusCode.NotFound);
        Assert.Equal(madeUp.Status.Detail, foreign.Status.Detail); // a foreign case looks like one that does not exist
        Assert.DoesNotContain(caseId, foreign.Status.Detail);
        await Refused(() => Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { caseId }, Reason = "县局越权" },
            Callers.As(Roles.Bureau, "gulou-petition-office", "320106")).ResponseAsync, StatusCode.NotFound); // a county of the same city is not the case's either
        Assert.Equal(meetingsBefore, await system.JointMeeting.CountAsync("SELECT count(*) FROM meetings"));
        Assert.Empty((await Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId }, Suzhou)).Meetings);

        // The case's own bureau may gather it into a meeting of its own.
        var own = await Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { caseId }, Reason = "合并会办" }, Nanjing);
        Assert.Equal("320102", own.Meeting.RegionCode);

        // A conclusion of a meeting never proposed for the case moves nothing; the proposal's own does.
        var probe = new ConsumeProbe();
        using var observed = system.Assignment.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(probe);
        var bus = system.JointMeeting.App.Services.GetRequiredService<IBus>();
        var forgedId = NewId.NextGuid();
        await bus.Publish(new JointMeetingConcluded { CaseId = Guid.Parse(caseId), MeetingId = Guid.NewGuid(), Resolution = "苏州牵头", LeadUnit = "suzhou-gov",
            OccurredAt = DateTimeOffset.UtcNow }, c => c.MessageId = forgedId);
        await Eventually.UntilAsync(() => Task.FromResult(probe.Consumed(forgedId)), n => n == 1, "Assignment to consume the foreign conclusion");
        var still = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Nanjing);
        Assert.Equal("awaiting_joint_meeting", still.Case.Status);
        Assert.Empty(still.Case.Assignments);

        await Eventually.UntilAsync(() => system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1 AND $2 = ANY(\"MeetingIds\")",
            Guid.Parse(caseId), Guid.Parse(own.Meeting.MeetingId)), n => n == 1, "Assignment to note the meeting proposed for the case");
        await bus.Publish(new JointMeetingConcluded { CaseId = Guid.Parse(caseId), MeetingId = Guid.Parse(own.Meeting.MeetingId), Resolution = "南京牵头",
            LeadUnit = "nanjing-environment-bureau", OccurredAt = DateTimeOffset.UtcNow });
        var moved = await Eventually.UntilAsync(() => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Nanjing).ResponseAsync,
            c => c.Case.Status == "assigned", "the case's own meeting to hand it to its lead unit");
        Assert.Equal("nanjing-environment-bureau", moved.Case.Assignments.Single().UnitCode);
        Assert.NotEqual(proposal.MeetingId, own.Meeting.MeetingId);
    }
}
