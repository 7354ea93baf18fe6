using System.Diagnostics;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Grpc.Core;

namespace Coordination.Bench.Mixed;

/// <summary>
/// The bureau at its desk: --bureau-reads times a second it reads, in turn, the overdue list of its jurisdiction, the
/// timeline of a case registered a few seconds ago (Reporting) and that case's page (Assignment GetCase). Beside the
/// reads, every 200 ms it approves the reports departments submitted and sends the reply (答复), so cases run their
/// whole lifecycle.
/// </summary>
public sealed class BureauActor(AssignmentService.AssignmentServiceClient assignments, ReportingService.ReportingServiceClient reporting,
    Metadata bureau, MixedOptions options, Calls calls, Handling handling)
{
    public Task RunAsync(CancellationToken ct) => Task.WhenAll(Task.Run(() => ReadsAsync(ct)), Task.Run(() => RepliesAsync(ct)));

    private async Task RepliesAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            while (!ct.IsCancellationRequested && handling.ReportsToReview.TryDequeue(out var report)) await ReplyAsync(report.AssignmentId, report.CaseId, ct);
            await Task.Delay(200, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReadsAsync(CancellationToken ct)
    {
        if (options.BureauReadsPerSecond <= 0) return;
        var every = TimeSpan.FromSeconds(1 / options.BureauReadsPerSecond);
        var clock = Stopwatch.StartNew();
        for (long n = 0; !ct.IsCancellationRequested; n++)
        {
            await ReadAsync(n, ct);
            if (every * (n + 1) - clock.Elapsed is { Ticks: > 0 } wait)
                await Task.Delay(wait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReadAsync(long n, CancellationToken ct)
    {
        var recent = handling.AnyRecent();
        if (n % 3 == 0 || recent is null)
        {
            await calls.TimeAsync("Reporting.GetOverdueList", false, () =>
                reporting.GetOverdueListAsync(new GetOverdueListRequest(), bureau, cancellationToken: ct).ResponseAsync, ct);
            return;
        }
        var caseId = recent.Value.ToString();
        if (n % 3 == 1)
            await calls.TimeAsync("Reporting.GetCaseTimeline", false, () =>
                reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, bureau, cancellationToken: ct).ResponseAsync, ct);
        else
            await calls.TimeAsync("Assignment.GetCase", false, () =>
                assignments.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, bureau, cancellationToken: ct).ResponseAsync, ct);
    }

    private async Task ReplyAsync(string assignmentId, Guid caseId, CancellationToken ct)
    {
        var approved = await calls.TimeAsync("Assignment.ReviewReport", true, () =>
            assignments.ReviewReportAsync(new ReviewReportRequest { AssignmentId = assignmentId, Approve = true }, bureau, cancellationToken: ct).ResponseAsync, ct);
        if (approved is null) return;
        await calls.TimeAsync("Assignment.SendReply", true, () =>
            assignments.SendReplyAsync(new SendReplyRequest { CaseId = caseId.ToString() }, bureau, cancellationToken: ct).ResponseAsync, ct);
    }
}
