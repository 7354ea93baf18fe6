using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Walks a case through Assignment's API the way its users do, to the step a test starts from.</summary>
public sealed class CaseFlow(GrpcChannel assignment)
{
    public const string LabourBureau = "nanjing-labour-bureau";
    public static readonly Metadata Unit = Callers.Department(LabourBureau);
    public static readonly Metadata Bureau = Callers.Bureau();

    public AssignmentService.AssignmentServiceClient Api { get; } = new(assignment);

    /// <summary>Registers through Intake (labour matters in Nanjing go to the labour bureau) and waits for the hand-over.</summary>
    public async Task<AssignmentView> AssignedAsync(GrpcChannel intake, Action<RegisterPetitionRequest>? adjust = null)
    {
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
        adjust?.Invoke(request);
        var registered = await new IntakeService.IntakeServiceClient(intake).RegisterPetitionAsync(request, Callers.Clerk());
        return await AssignmentOfAsync(Guid.Parse(registered.CaseId));
    }

    public async Task<AssignmentView> AssignmentOfAsync(Guid caseId, Metadata? asUser = null) =>
        await Eventually.UntilAsync(
            async () => (await Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId.ToString() }, asUser ?? Bureau)).Case.Assignments
                .LastOrDefault(a => a.Status == "pending"),
            a => a is not null, $"a pending hand-over of case {caseId}") ?? throw new InvalidOperationException();

    public async Task<AssignmentView> AcceptedAsync(AssignmentView a)
    {
        await Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = a.AssignmentId }, Unit);
        return (await Api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = a.AssignmentId }, Unit)).Assignment;
    }

    public async Task<CaseView> RepliedAsync(AssignmentView a, string outcome = "resolved")
    {
        await AcceptedAsync(a);
        await Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = outcome, Answer = "已按协议支付补偿款" }, Unit);
        await Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = true }, Bureau);
        return (await Api.SendReplyAsync(new SendReplyRequest { CaseId = a.CaseId }, Bureau)).Case;
    }

    public static async Task<RpcException> Refused(Func<Task> call, StatusCode expected, string? rule = null)
    {
        var ex = await Xunit.Assert.ThrowsAsync<RpcException>(call);
        Xunit.Assert.Equal(expected, ex.StatusCode);
        if (rule is not null) Xunit.Assert.Contains(rule, ex.Status.Detail);
        return ex;
    }
}
