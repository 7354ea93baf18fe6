using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;

namespace Coordination.Reporting.Domain;

/// <summary>
/// What the event log keeps of an event: the fields a report or a rebuild reads, and no more. Personal content that
/// no report shows (a petition's summary, the unit an accusation names) is dropped before the event is logged, so the
/// log, kept for rebuilds, is not a second copy of Intake's petitions.
/// </summary>
public static class LoggedFields
{
    public static object Needed(object message) => message switch
    {
        PetitionRegistered m => m with { Summary = "", AccusedUnit = null },
        // The answer travels for Intake's self-service (ADR 21); Assignment keeps it, no report reads it.
        ReplySubmitted m => m with { Answer = null },
        _ => message,
    };
}
