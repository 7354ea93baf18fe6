using Coordination.Contracts.Intake;

namespace Coordination.Intake.Domain;

/// <summary>The event each registration outcome announces; the registration workflow puts it in the outbox.</summary>
public static class PetitionEvents
{
    public static object For(Petition p) => p.Outcome switch
    {
        Outcomes.Repeat => new PetitionLinkedAsRepeat
        {
            CaseId = p.EarlierCaseId!.Value, CaseNumber = p.CaseNumber, RegistrationId = p.Id, Channel = p.Channel, RegionCode = p.RegionCode,
            GroupSize = p.GroupSize, ToBeijing = p.ToBeijing, Similarity = p.MatchSimilarity!.Value, ReceivingUnit = p.ReceivingUnit, Clerk = p.Clerk,
            OccurredAt = p.RegisteredAt,
        },
        Outcomes.NotAccepted => new PetitionNotAccepted
        {
            CaseId = p.Id, CaseNumber = p.CaseNumber, RegionCode = p.RegionCode, Channel = p.Channel, ReasonCode = p.NotAcceptedReason!,
            Notice = p.Notice!, PendingCaseId = p.EarlierCaseId, ReceivingUnit = p.ReceivingUnit, Clerk = p.Clerk, OccurredAt = p.RegisteredAt,
        },
        _ => new PetitionRegistered
        {
            CaseId = p.Id, CaseNumber = p.CaseNumber, Channel = p.Channel, RegionCode = p.RegionCode, Category = p.Category, Topic = p.Topic,
            Summary = p.Summary, PetitionerCount = p.Petitioners.Count, LawRelated = p.LawRelated, OtherRegionCodes = p.OtherRegionCodes,
            ReceivingUnit = p.ReceivingUnit, Clerk = p.Clerk, ReceivedAt = p.ReceivedAt, OccurredAt = p.RegisteredAt,
            GroupSize = p.GroupSize, Collective = p.Collective, ToBeijing = p.ToBeijing, SkipLevel = p.SkipLevel,
            LeaderInstructed = p.LeaderInstructed, LongStandingPetitioner = p.LongStandingPetitioner, AccusedUnit = p.AccusedUnit,
            ReceptionDayId = p.ReceptionDayId,
        },
    };
}
