using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Google.Protobuf.WellKnownTypes;
using PetitionView = Coordination.Grpc.Intake.Petition;

namespace Coordination.Intake.Api;

/// <summary>Maps stored petitions to the API's messages.</summary>
public static class PetitionViews
{
    public const string Withheld = "[withheld from the accused unit]";

    public static PetitionView ToView(Domain.Petition p, bool withholdContent = false)
    {
        var view = new PetitionView
        {
            CaseId = p.Id.ToString(),
            CaseNumber = p.CaseNumber,
            Channel = RegisterPetitionValidator.ChannelOf(p.Channel),
            RegionCode = p.RegionCode,
            Category = RegisterPetitionValidator.CategoryOf(p.Category),
            Topic = p.Topic,
            Summary = withholdContent ? Withheld : p.Summary,
            Petitioners = { p.Petitioners.Select(x => new PetitionerView { Name = x.Name, IdNumberMasked = x.IdNumberMasked ?? "", Representative = x.Representative }) },
            LawRelated = p.LawRelated,
            OtherRegionCodes = { p.OtherRegionCodes },
            ReceivedAt = Timestamp.FromDateTimeOffset(p.ReceivedAt),
            RegisteredAt = Timestamp.FromDateTimeOffset(p.RegisteredAt),
            ReceivingUnit = p.ReceivingUnit,
            Clerk = p.Clerk,
            Outcome = OutcomeOf(p.Outcome),
            Status = p.Status,
            GroupSize = p.GroupSize,
            Collective = p.Collective,
            ToBeijing = p.ToBeijing,
            SkipLevel = p.SkipLevel,
            LeaderInstructed = p.LeaderInstructed,
            LongStandingPetitioner = p.LongStandingPetitioner,
            AccusedUnit = withholdContent ? "" : p.AccusedUnit ?? "",
            ReceptionDayId = p.ReceptionDayId?.ToString() ?? "",
            EarlierCaseId = p.EarlierCaseId?.ToString() ?? "",
            NotAcceptedReason = p.NotAcceptedReason ?? "",
            AssignedUnits = { p.AssignedUnits },
            ContentWithheld = withholdContent,
        };
        if (!withholdContent)
            view.Attachments.AddRange(p.Attachments.Select(a => new Attachment { FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes, Sha256 = a.Sha256 }));
        return view;
    }

    public static RegisterPetitionResponse ToResponse(RegistrationResult result)
    {
        var p = result.Registration;
        var reply = new RegisterPetitionResponse
        {
            CaseId = result.CaseId.ToString(),
            CaseNumber = p.CaseNumber,
            Replayed = result.Replayed,
            Outcome = OutcomeOf(p.Outcome),
            RegistrationId = p.Id.ToString(),
            QueryCode = p.QueryCode,
            QueryPin = p.QueryPin ?? "",
            NotAcceptedReason = p.NotAcceptedReason ?? "",
            Notice = p.Notice ?? "",
            Collective = p.Collective,
        };
        if (result.Earlier is { } e)
            reply.EarlierCase = new EarlierCase
            {
                CaseId = e.Id.ToString(), CaseNumber = e.CaseNumber, ReceivingUnit = e.ReceivingUnit,
                RegisteredAt = Timestamp.FromDateTimeOffset(e.RegisteredAt), Similarity = p.MatchSimilarity ?? 0, Explanation = p.MatchExplanation ?? "",
            };
        return reply;
    }

    public static Outcome OutcomeOf(string outcome) => outcome switch
    {
        Outcomes.Registered => Outcome.Registered,
        Outcomes.Repeat => Outcome.Repeat,
        Outcomes.NotAccepted => Outcome.NotAccepted,
        _ => Outcome.Unspecified,
    };
}
