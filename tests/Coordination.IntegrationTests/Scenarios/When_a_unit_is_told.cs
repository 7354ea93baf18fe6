using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using ReportingApp = Coordination.Reporting.ReportingService;
using Coordination.Reporting.Persistence;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Notification streams (issue 16): a department's stream receives its new hand-over within a second of the assignment,
/// on either replica of Reporting whichever one folded it; another unit's stream never sees it; a send-back reaches the
/// unit too, and a stream opened later with `since` gets the backlog.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_unit_is_told(SystemFixture system)
{
    private static readonly Metadata Labour = CaseFlow.Unit;
    private static readonly Metadata Housing = Callers.Department("nanjing-housing-bureau");

    [Fact]
    public async Task A_departments_streams_on_both_replicas_receive_its_new_assignment_within_a_second_and_another_unit_never_sees_it()
    {
        await using var replica = await system.StartAsync<ReportingDb>("reporting", ReportingApp.Build);
        await system.KnowTheDirectoryAsync(replica);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var onFirst = Watch(system.Reporting, Labour, stop.Token);
        var onSecond = Watch(replica, Labour, stop.Token);
        var ofHousing = Watch(system.Reporting, Housing, stop.Token);
        await Task.WhenAll(onFirst.Opened, onSecond.Opened, ofHousing.Opened); // an idle stream stays open: nothing is sent until there is something

        var flow = new CaseFlow(system.Assignment.Channel);
        var assignment = await flow.AssignedAsync(system.Intake.Channel);

        foreach (var stream in new[] { onFirst, onSecond })
        {
            var (told, at) = await stream.FirstAsync(n => n.Kind == "assigned" && n.SubjectId == assignment.AssignmentId, stop.Token);
            Assert.Equal(assignment.CaseId, told.CaseId);
            Assert.Equal(CaseFlow.LabourBureau, told.UnitCode);
            Assert.StartsWith("新交办", told.Summary);
            Assert.False(string.IsNullOrEmpty(told.CaseNumber));
            var delay = at - told.OccurredAt.ToDateTimeOffset();
            Assert.True(delay < TimeSpan.FromSeconds(1), $"told {delay.TotalMilliseconds:F0} ms after the assignment");
        }
        // The housing bureau's own next hand-over reaches its stream. Streams send in the order notifications were recorded,
        // and the labour hand-over was recorded before this case was even registered: sent to housing, it would be here first.
        var housing = await flow.AssignedAsync(system.Intake.Channel, r => r.Topic = "housing");
        await ofHousing.FirstAsync(n => n.Kind == "assigned" && n.SubjectId == housing.AssignmentId, stop.Token);
        Assert.DoesNotContain(ofHousing.Received, r => r.Notification.Notification.CaseId == assignment.CaseId);
        stop.Cancel();
    }

    [Fact]
    public async Task A_report_sent_back_reaches_the_unit_and_a_later_stream_gets_the_backlog_since_it_asked()
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var assignment = await flow.AcceptedAsync(await flow.AssignedAsync(system.Intake.Channel));
        await flow.Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = assignment.AssignmentId, Outcome = "resolved", Answer = "已答复" }, Labour);
        await flow.Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = assignment.AssignmentId, Approve = false, Reasons = "证据不足，请补充" },
            CaseFlow.Bureau);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var later = Watch(system.Reporting, Labour, stop.Token, since: DateTimeOffset.UtcNow.AddMinutes(-5));
        var (assigned, _) = await later.FirstAsync(n => n.Kind == "assigned" && n.SubjectId == assignment.AssignmentId, stop.Token);
        var (sentBack, _) = await later.FirstAsync(n => n.Kind == "report_sent_back" && n.SubjectId == assignment.AssignmentId, stop.Token);
        Assert.Contains("证据不足", sentBack.Summary);
        Assert.True(sentBack.OccurredAt.ToDateTimeOffset() > assigned.OccurredAt.ToDateTimeOffset());
        stop.Cancel();
    }

    [Theory]
    [InlineData(-40)]
    [InlineData(3)]
    public async Task A_since_outside_thirty_days_back_is_an_invalid_argument_naming_since(int days)
    {
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        using var call = reporting.WatchNotifications(new WatchNotificationsRequest { Since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(days)) }, Labour);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("since", ex.Status.Detail);
    }

    [Fact]
    public async Task A_bureau_has_no_notification_stream()
    {
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        using var call = reporting.WatchNotifications(new WatchNotificationsRequest(), CaseFlow.Bureau);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private static NotificationWatch Watch(ServiceInstance reporting, Metadata caller, CancellationToken stop, DateTimeOffset? since = null) =>
        new(new ReportingService.ReportingServiceClient(reporting.Channel).WatchNotifications(
            new WatchNotificationsRequest { Since = since is { } s ? Timestamp.FromDateTimeOffset(s) : null }, caller), stop);
}
