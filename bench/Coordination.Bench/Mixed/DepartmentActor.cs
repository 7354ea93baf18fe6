using Coordination.Grpc.Assignment;
using Grpc.Core;

namespace Coordination.Bench.Mixed;

/// <summary>
/// A department working its inbox: every 200–500 ms it lists the hand-overs waiting for it and signs for a few (签收);
/// those it signed for at least --handle-after seconds ago it accepts (告知受理) and reports on (办结报告), a few a poll,
/// and hands the report to the bureau for review and reply.
/// </summary>
public sealed class DepartmentActor(AssignmentService.AssignmentServiceClient assignments, Metadata person, MixedOptions options, Calls calls,
    Handling handling)
{
    private const int AcknowledgedPerPoll = 5;
    private const int ReportedPerPoll = 2;
    private readonly Queue<(AssignmentView Assignment, DateTimeOffset At)> _signed = new();

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var inbox = await calls.TimeAsync("Assignment.ListAssignments", false, () =>
                assignments.ListAssignmentsAsync(new ListAssignmentsRequest { PendingOnly = true, PageSize = 50 }, person, cancellationToken: ct).ResponseAsync, ct);
            foreach (var pending in (inbox?.Assignments ?? []).Take(AcknowledgedPerPoll))
            {
                var signed = await calls.TimeAsync("Assignment.AcknowledgeAssignment", true, () =>
                    assignments.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = pending.AssignmentId }, person, cancellationToken: ct).ResponseAsync, ct);
                if (signed is not null) _signed.Enqueue((signed.Assignment, DateTimeOffset.UtcNow));
            }
            for (var n = 0; n < ReportedPerPoll && _signed.TryPeek(out var next) && DateTimeOffset.UtcNow - next.At >= TimeSpan.FromSeconds(options.HandleAfterSeconds); n++)
            {
                _signed.Dequeue();
                await HandleAsync(next.Assignment, ct);
            }
            await Pause(ct);
        }
    }

    private async Task HandleAsync(AssignmentView assignment, CancellationToken ct)
    {
        var accepted = await calls.TimeAsync("Assignment.NotifyAcceptance", true, () =>
            assignments.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = assignment.AssignmentId }, person, cancellationToken: ct).ResponseAsync, ct);
        if (accepted?.Assignment.Status != "accepted") return; // a transfer (转送) is complete once accepted
        var report = await calls.TimeAsync("Assignment.SubmitReport", true, () =>
            assignments.SubmitReportAsync(new SubmitReportRequest
            {
                AssignmentId = assignment.AssignmentId, Outcome = "resolved", Answer = $"经核实，已按协议支付补偿款 ({assignment.CaseNumber})",
            }, person, cancellationToken: ct).ResponseAsync, ct);
        if (report?.Assignment.Status == "report_submitted") handling.ReportsToReview.Enqueue((assignment.AssignmentId, Guid.Parse(assignment.CaseId)));
    }

    private Task Pause(CancellationToken ct) =>
        Task.Delay(Random.Shared.Next(options.PollMinMs, options.PollMaxMs + 1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
}
