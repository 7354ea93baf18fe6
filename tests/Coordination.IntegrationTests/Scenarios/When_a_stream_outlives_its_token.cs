using System.Diagnostics;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>A stream opened with a token ends with Unauthenticated when that token expires, not whenever the client hangs up.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_stream_outlives_its_token(SystemFixture system)
{
    [Fact]
    public async Task The_early_warning_stream_ends_at_the_token_expiry()
    {
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        var expires = DateTime.UtcNow.AddSeconds(4);
        var token = TestTokens.Mint("bureau-326100", Roles.Bureau, "bureau-326100", "326100", expires: expires);
        using var watch = reporting.WatchEarlyWarnings(new WatchEarlyWarningsRequest(), Callers.Bearer(token));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await watch.ResponseStream.MoveNext(patience.Token)) { }
        });

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("expired", ex.Status.Detail);
        Assert.InRange(DateTime.UtcNow, expires.AddSeconds(-1), expires.AddSeconds(5));
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(2), $"ended after {clock.Elapsed}, before the token expired");
    }
}
