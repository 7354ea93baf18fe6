using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The anonymous status lookup answers one client address a few times a window, then refuses in Chinese
/// (ResourceExhausted) until the window passes: query codes cannot be tried in bulk. An Intake of its own with a limit
/// of 3 a minute, since every test calls from the same address.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_query_codes_are_tried_in_bulk(SystemFixture system)
{
    [Fact]
    public async Task The_fourth_lookup_in_a_minute_is_refused_in_chinese()
    {
        var intake = await system.StartIntakeAsync("intake_lookup_limit", new Dictionary<string, string?>
        {
            ["Intake:StatusLookup:PermitLimit"] = "3", ["Intake:StatusLookup:Window"] = "00:01:00",
        });
        try
        {
            var api = new IntakeService.IntakeServiceClient(intake.Channel);
            for (var i = 0; i < 3; i++)
            {
                var miss = await Assert.ThrowsAsync<RpcException>(() => api.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = $"ZZZZZZZZZ{i}" }).ResponseAsync);
                Assert.Equal(StatusCode.NotFound, miss.StatusCode);
            }

            var refused = await Assert.ThrowsAsync<RpcException>(() => api.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = "ZZZZZZZZZ9" }).ResponseAsync);

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Matches(@"^查询过于频繁，请 \d+ 秒后再试。$", refused.Status.Detail);
            // The self-service shares the limit, and an untrusted caller's X-Forwarded-For changes nothing.
            var progress = await Assert.ThrowsAsync<RpcException>(() => api.GetPetitionProgressAsync(new GetPetitionProgressRequest
                { Proof = new PetitionerProof { QueryCode = "ZZZZZZZZZ8", SecondFactor = "0000" } }, new Metadata { { "X-Forwarded-For", "10.9.9.9" } }).ResponseAsync);
            Assert.Equal(StatusCode.ResourceExhausted, progress.StatusCode);
            // Only the anonymous lookup is limited: a signed-in clerk still gets through.
            Assert.NotEmpty((await api.ListTopicsAsync(new ListTopicsRequest(), Callers.Clerk())).Topics);
        }
        finally
        {
            await intake.StopAsync();
        }
    }

    [Fact]
    public async Task Behind_a_trusted_front_each_petitioner_is_counted_by_the_address_it_names()
    {
        var intake = await system.StartIntakeAsync("intake_lookup_proxy", new Dictionary<string, string?>
        {
            ["Intake:StatusLookup:PermitLimit"] = "3", ["Intake:StatusLookup:Window"] = "00:01:00",
            ["Intake:StatusLookup:TrustedProxies:0"] = "127.0.0.1", ["Intake:StatusLookup:TrustedProxies:1"] = "::1",
        });
        try
        {
            var api = new IntakeService.IntakeServiceClient(intake.Channel);
            async Task<StatusCode> LookUpAsync(string client) => (await Assert.ThrowsAsync<RpcException>(() => api.GetPetitionProgressAsync(new GetPetitionProgressRequest
                { Proof = new PetitionerProof { QueryCode = "ZZZZZZZZZZ", SecondFactor = "0000" } }, new Metadata { { "X-Forwarded-For", client } }).ResponseAsync)).StatusCode;

            for (var i = 0; i < 3; i++) Assert.Equal(StatusCode.NotFound, await LookUpAsync("10.0.0.1"));
            Assert.Equal(StatusCode.ResourceExhausted, await LookUpAsync("10.0.0.1"));
            Assert.Equal(StatusCode.ResourceExhausted, await LookUpAsync("192.0.2.7, 10.0.0.1")); // the last entry is the one the front added
            Assert.Equal(StatusCode.NotFound, await LookUpAsync("10.0.0.2"));
        }
        finally
        {
            await intake.StopAsync();
        }
    }
}
