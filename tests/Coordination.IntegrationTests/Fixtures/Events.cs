using Coordination.Contracts.Intake;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Events that tests publish in place of the services that own them.</summary>
public static class Events
{
    public static PetitionRegistered Registered(Guid caseId, string region, DateTimeOffset at, string? number = null, int people = 1, bool toBeijing = false) => new()
    {
        CaseId = caseId, CaseNumber = number ?? $"{region}-{at.Year}-{Random.Shared.Next(100000, 999999)}", Channel = "visit", RegionCode = region,
        Category = "grievance", Topic = "housing", Summary = "statistics", PetitionerCount = Math.Min(people, 5), LawRelated = false, ReceivingUnit = "bureau",
        Clerk = "test", ReceivedAt = at, OccurredAt = at, ToBeijing = toBeijing, GroupSize = people, Collective = people >= 5,
    };
}
