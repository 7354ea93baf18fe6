using Coordination.Contracts;
using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;

namespace Coordination.Intake.Api;

/// <summary>Checks every field of a registration and names each bad one; nothing is stored on failure.</summary>
public static class RegisterPetitionValidator
{
    public const int MaxRequestId = FieldLimits.RequestId, MaxTopic = FieldLimits.Topic, MaxSummary = FieldLimits.PetitionSummary,
        MaxName = FieldLimits.PetitionerName, MaxPetitioners = 500, MaxAttachments = 50;
    /// <summary>Other regions a cross-region matter touches: each becomes a party region of its meeting (and of every meeting list).</summary>
    public const int MaxOtherRegions = 20;
    public const long MaxAttachmentBytes = 100L * 1024 * 1024;

    public static NewPetition Validate(RegisterPetitionRequest r, DateTimeOffset now) => Validate(r, now, new IntakeOptions());

    /// <param name="errors">Errors found already (the accused unit's lookup), reported together with these.</param>
    /// <param name="accusedUnit">The accused unit's canonical code, resolved in the directory by the caller; null checks only its presence.</param>
    public static NewPetition Validate(RegisterPetitionRequest r, DateTimeOffset now, IntakeOptions rules, FieldErrors? errors = null, string? accusedUnit = null)
    {
        errors ??= new FieldErrors();
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
        errors.Entries(r.OtherRegionCodes, "other_region_codes", MaxOtherRegions);
        for (var i = 0; i < Math.Min(r.OtherRegionCodes.Count, MaxOtherRegions); i++)
        {
            var code = r.OtherRegionCodes[i];
            errors.Check(Jurisdiction.IsRegionCode(code), $"other_region_codes[{i}]", "must be a 6-digit administrative division code");
            errors.Check(code != r.RegionCode, $"other_region_codes[{i}]", "repeats region_code");
        }
        var groupSize = r.GroupSize == 0 ? r.Petitioners.Count : r.GroupSize;
        errors.Check(r.GroupSize >= 0 && groupSize >= r.Petitioners.Count, "group_size", "must be at least the number of named petitioners");
        var collective = groupSize >= rules.CollectiveThreshold;
        var representatives = r.Petitioners.Count(p => p.Representative);
        errors.Check(representatives <= rules.MaxRepresentatives, "petitioners", $"at most {rules.MaxRepresentatives} representatives");
        errors.Check(!collective || representatives > 0, "petitioners",
            $"a collective visit ({rules.CollectiveThreshold} or more people) names 1 to {rules.MaxRepresentatives} representatives");
        for (var i = 0; i < r.Attachments.Count; i++) CheckAttachment(errors, r.Attachments[i], $"attachments[{i}]");
        errors.Check(r.Attachments.Count <= MaxAttachments, "attachments", $"at most {MaxAttachments}");
        if (r.Category == Category.Accusation && accusedUnit is null)
            errors.Check(r.AccusedUnit.Length is > 0 and <= FieldLimits.UnitCode, "accused_unit", "is required for an accusation, so that the accused unit never sees it");
        else if (r.Category != Category.Accusation)
            errors.Check(r.AccusedUnit.Length == 0, "accused_unit", "is only for accusations");
        Guid? receptionDayId = null;
        if (r.Channel == Channel.LeaderReceptionDay)
            receptionDayId = errors.RequireGuid(r.ReceptionDayId, "reception_day_id");
        else
            errors.Check(r.ReceptionDayId.Length == 0, "reception_day_id", "is only for the leader reception day channel");
        var receivedAt = r.ReceivedAt?.ToDateTimeOffset() ?? now;
        errors.Check(receivedAt <= now.AddMinutes(5), "received_at", "must not be in the future");
        errors.Check(receivedAt >= now.AddYears(-1), "received_at", "must be within the last year");
        errors.ThrowIfAny();

        return new NewPetition(
            r.RequestId.Length == 0 ? null : r.RequestId,
            ChannelName(r.Channel), r.RegionCode, CategoryName(r.Category), r.Topic.Trim(), r.Summary.Trim(), r.LawRelated,
            r.OtherRegionCodes.Distinct().ToList(),
            r.Petitioners.Select(p => new NewPetitioner(p.Name.Trim(), NullIfEmpty(p.IdNumber.ToUpperInvariant()), NullIfEmpty(p.Phone), p.Representative)).ToList(),
            receivedAt)
        {
            GroupSize = groupSize,
            Collective = collective,
            ToBeijing = r.ToBeijing,
            SkipLevel = r.SkipLevel,
            LeaderInstructed = r.LeaderInstructed,
            LongStandingPetitioner = r.LongStandingPetitioner,
            AccusedUnit = NullIfEmpty(accusedUnit ?? r.AccusedUnit),
            ReceptionDayId = receptionDayId,
            Attachments = r.Attachments.Select(a => new AttachmentRecord
            {
                FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes, Sha256 = a.Sha256.ToLowerInvariant(),
            }).ToList(),
        };
    }

    private static void CheckAttachment(FieldErrors errors, Attachment a, string field)
    {
        CheckText(errors, a.FileName, $"{field}.file_name", 255);
        errors.Check(a.ContentType.Length is > 2 and <= 100 && a.ContentType.Contains('/'), $"{field}.content_type", "must be a media type such as image/jpeg");
        errors.Check(a.SizeBytes is > 0 and <= MaxAttachmentBytes, $"{field}.size_bytes", $"must be 1 to {MaxAttachmentBytes} bytes");
        errors.Check(a.Sha256.Length == 64 && a.Sha256.All(char.IsAsciiHexDigit), $"{field}.sha256", "must be 64 hex digits");
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
