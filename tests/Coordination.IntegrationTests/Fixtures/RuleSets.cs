using Coordination.Grpc.Assignment;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Rule sets as an administrator would type them: today's limits unless a test changes one.</summary>
public static class RuleSets
{
    public static RuleSet Valid(string effectiveFrom) => new()
    {
        EffectiveFrom = effectiveFrom, AcknowledgeWorkingDays = 3, AcceptNoticeDays = 15, ObjectionWorkingDays = 5, HandlingDays = 60,
        MaxExtensionDays = 30, RehandlingDays = 30, ReviewRequestDays = 30, ReviewDecisionDays = 30, ReturnCap = 2, ReminderFraction = 0.8,
        SupervisionWorkingDays = 5,
    };
}
