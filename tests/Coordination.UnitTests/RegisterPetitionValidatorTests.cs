using Coordination.Grpc.Intake;
using Coordination.Intake.Api;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.UnitTests;

public sealed class RegisterPetitionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static RegisterPetitionRequest Valid() => new()
    {
        Channel = Channel.Letter,
        RegionCode = "320102",
        Category = Category.Suggestion,
        Topic = " housing ",
        Summary = "建议",
        Petitioners = { new Petitioner { Name = "王五" } },
    };

    [Fact]
    public void A_valid_request_is_normalised()
    {
        var petition = RegisterPetitionValidator.Validate(Valid(), Now);
        Assert.Equal("letter", petition.Channel);
        Assert.Equal("suggestion", petition.Category);
        Assert.Equal("housing", petition.Topic);
        Assert.Null(petition.RequestId);
        Assert.Equal(Now, petition.ReceivedAt);
    }

    [Fact]
    public void Every_channel_maps_to_a_name_and_back()
    {
        foreach (var channel in Enum.GetValues<Channel>().Where(c => c != Channel.Unspecified))
            Assert.Equal(channel, RegisterPetitionValidator.ChannelOf(RegisterPetitionValidator.ChannelName(channel)));
    }

    [Fact]
    public void Duplicate_other_regions_are_kept_once()
    {
        var request = Valid();
        request.OtherRegionCodes.Add("321100");
        request.OtherRegionCodes.Add("321100");
        Assert.Equal(["321100"], RegisterPetitionValidator.Validate(request, Now).OtherRegionCodes);
    }

    [Fact]
    public void An_unknown_enum_value_is_named()
    {
        var request = Valid();
        request.Channel = (Channel)99;
        var ex = Assert.Throws<RpcException>(() => RegisterPetitionValidator.Validate(request, Now));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("channel", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public void A_receipt_older_than_a_year_is_refused()
    {
        var request = Valid();
        request.ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now.AddYears(-2));
        var ex = Assert.Throws<RpcException>(() => RegisterPetitionValidator.Validate(request, Now));
        Assert.Contains("received_at", ex.Status.Detail);
    }
}
