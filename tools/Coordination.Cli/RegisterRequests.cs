using Coordination.Grpc.Intake;
using Google.Protobuf.WellKnownTypes;

namespace Coordination.Cli;

/// <summary>Builds a RegisterPetitionRequest from command-line options; the server validates every field.</summary>
public static class RegisterRequests
{
    public static RegisterPetitionRequest From(Arguments a)
    {
        var request = new RegisterPetitionRequest
        {
            RequestId = a.Get("request-id", ""),
            Channel = ParseEnum<Channel>(a.Get("channel", "visit")),
            RegionCode = Commands.Required(a, "region"),
            Category = ParseEnum<Category>(a.Get("category", "grievance")),
            Topic = Commands.Required(a, "topic"),
            Summary = Commands.Required(a, "summary"),
            LawRelated = a.Has("law-related"),
            ToBeijing = a.Has("to-beijing"),
            SkipLevel = a.Has("skip-level"),
            LeaderInstructed = a.Has("leader-instructed"),
            LongStandingPetitioner = a.Has("long-standing"),
            AccusedUnit = a.Get("accused-unit", ""),
            ReceptionDayId = a.Get("reception-day", ""),
            GroupSize = a.Number("group-size"),
            OtherRegionCodes = { a.All("other-region") },
        };
        if (a.Get("reception-day") is not null && a.Get("channel") is null) request.Channel = Channel.LeaderReceptionDay;
        var representatives = a.Number("representatives");
        var names = a.All("name");
        var ids = a.All("id-number");
        for (var i = 0; i < names.Count; i++)
            request.Petitioners.Add(new Petitioner
            {
                Name = names[i], IdNumber = i < ids.Count ? ids[i] : "", Phone = i == 0 ? a.Get("phone", "") : "", Representative = i < representatives,
            });
        if (a.Get("received-at") is { } receivedAt) request.ReceivedAt = Timestamp.FromDateTimeOffset(Arguments.Instant(receivedAt, "received-at"));
        return request;
    }

    public static T ParseEnum<T>(string value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value.Replace("-", ""), ignoreCase: true, out var parsed)
            ? parsed
            : throw new UsageException($"unknown value '{value}' for {typeof(T).Name.ToLowerInvariant()}");
}
