using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_registration_input_is_bad(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_stored()
    {
        var before = await StoredAsync();
        var request = new RegisterPetitionRequest
        {
            RequestId = new string('r', 65),
            RegionCode = "3201",
            Topic = "",
            Summary = new string('x', 4001),
            Petitioners = { new Petitioner { Name = "", IdNumber = "110105194912310021", Phone = "call me" } },
            OtherRegionCodes = { "abc" },
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)),
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violations = ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(
            ["request_id", "channel", "region_code", "category", "topic", "summary", "petitioners[0].name", "petitioners[0].id_number",
             "petitioners[0].phone", "other_region_codes[0]", "received_at"],
            violations);
        foreach (var field in violations) Assert.Contains(field, ex.Status.Detail);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("region_code")]
    [InlineData("petitioners")]
    [InlineData("other_region_codes[0]")]
    [InlineData("petitioners[0].id_number")]
    [InlineData("attachments[0].sha256")]
    [InlineData("attachments[0].size_bytes")]
    [InlineData("accused_unit")]
    [InlineData("reception_day_id")]
    public async Task A_single_bad_field_is_the_only_one_named(string field)
    {
        var request = Petitions.Valid();
        switch (field)
        {
            case "region_code": request.RegionCode = "32010X"; break;
            case "petitioners": request.Petitioners.Clear(); break;
            case "other_region_codes[0]": request.OtherRegionCodes.Add(request.RegionCode); break;
            case "petitioners[0].id_number": request.Petitioners[0].IdNumber = "110105194912310020"; break; // wrong check digit
            case "attachments[0].sha256":
                request.Attachments.Add(new Attachment { FileName = "photo.jpg", ContentType = "image/jpeg", SizeBytes = 1000, Sha256 = "abc" });
                break;
            case "attachments[0].size_bytes":
                request.Attachments.Add(new Attachment { FileName = "photo.jpg", ContentType = "image/jpeg", SizeBytes = 0, Sha256 = new string('a', 64) });
                break;
            case "accused_unit": request.Category = Category.Accusation; break; // an accusation must name the accused unit
            case "reception_day_id": request.ReceptionDayId = Guid.NewGuid().ToString(); break; // only for the reception-day channel
        }
        var before = await StoredAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_clerk_cannot_register_outside_the_jurisdiction()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.RegisterPetitionAsync(Petitions.Valid(region: "320505"), Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private async Task<(long Petitions, long Outbox, long Counters)> StoredAsync() => (
        await system.Intake.CountAsync("SELECT count(*) FROM petitions"),
        await system.Intake.CountAsync("SELECT count(*) FROM outbox_messages"),
        await system.Intake.CountAsync("SELECT coalesce(sum(last_value), 0) FROM case_number_counters"));
}
