using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;

namespace Coordination.Intake.Api;

/// <summary>Checks every field of a registration and names each bad one; nothing is stored on failure.</summary>
public static class RegisterPetitionValidator
{
    public const int MaxRequestId = 64, MaxTopic = 64, MaxSummary = 4000, MaxName = 64, MaxPetitioners = 500;

    public static NewPetition Validate(RegisterPetitionRequest r, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Check(r.RequestId.Length <= MaxRequestId, "request_id", $"must be at most {MaxRequestId} characters");
        errors.Check(r.Channel != Channel.Unspecified && Enum.IsDefined(r.Channel), "channel", "must be one of letter, visit, hotline, mailbox, web, leader reception day, people's suggestion");
        errors.Check(Jurisdiction.IsRegionCode(r.RegionCode), "region_code", "must be a 6-digit administrative division code");
        errors.Check(r.Category != Category.Unspecified && Enum.IsDefined(r.Category), "category", "must be suggestion, accusation or grievance");
        CheckText(errors, r.Topic, "topic", MaxTopic);
        CheckText(errors, r.Summary, "summary", MaxSummary);
        errors.Check(r.Petitioners.Count > 0, "petitioners", "at least one petitioner is required");
        errors.Check(r.Petitioners.Count <= MaxPetitioners, "petitioners", $"at most {MaxPetitioners}");
        for (var i = 0; i < r.Petitioners.Count; i++)
        {
            var p = r.Petitioners[i];
            CheckText(errors, p.Name, $"petitioners[{i}].name", MaxName);
            errors.Check(p.IdNumber.Length == 0 || IdentityNumbers.IsValid(p.IdNumber), $"petitioners[{i}].id_number", "must be a valid 18-character identity number");
            errors.Check(p.Phone.Length == 0 || (p.Phone.Length is >= 5 and <= 20 && p.Phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+')),
                $"petitioners[{i}].phone", "must be 5 to 20 digits");
        }
        for (var i = 0; i < r.OtherRegionCodes.Count; i++)
        {
            var code = r.OtherRegionCodes[i];
            errors.Check(Jurisdiction.IsRegionCode(code), $"other_region_codes[{i}]", "must be a 6-digit administrative division code");
            errors.Check(code != r.RegionCode, $"other_region_codes[{i}]", "repeats region_code");
        }
        var receivedAt = r.ReceivedAt?.ToDateTimeOffset() ?? now;
        errors.Check(receivedAt <= now.AddMinutes(5), "received_at", "must not be in the future");
        errors.Check(receivedAt >= now.AddYears(-1), "received_at", "must be within the last year");
        errors.ThrowIfAny();

        return new NewPetition(
            r.RequestId.Length == 0 ? null : r.RequestId,
            ChannelName(r.Channel), r.RegionCode, CategoryName(r.Category), r.Topic.Trim(), r.Summary.Trim(), r.LawRelated,
            r.OtherRegionCodes.Distinct().ToList(),
            r.Petitioners.Select(p => new NewPetitioner(p.Name.Trim(), NullIfEmpty(p.IdNumber), NullIfEmpty(p.Phone))).ToList(),
            receivedAt);
    }

    private static void CheckText(FieldErrors errors, string value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        else errors.Check(value.Length <= max, field, $"must be at most {max} characters");
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    public static string ChannelName(Channel c) => c switch
    {
        Channel.Letter => "letter",
        Channel.Visit => "visit",
        Channel.Hotline => "hotline",
        Channel.Mailbox => "mailbox",
        Channel.Web => "web",
        Channel.LeaderReceptionDay => "leader_reception_day",
        Channel.PeoplesSuggestion => "peoples_suggestion",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string CategoryName(Category c) => c switch
    {
        Category.Suggestion => "suggestion",
        Category.Accusation => "accusation",
        Category.Grievance => "grievance",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static Channel ChannelOf(string name) => Enum.GetValues<Channel>().First(c => c != Channel.Unspecified && ChannelName(c) == name);
    public static Category CategoryOf(string name) => Enum.GetValues<Category>().First(c => c != Category.Unspecified && CategoryName(c) == name);
}
