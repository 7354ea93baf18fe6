using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// A registered petition that is a people's suggestion (§18) goes on the suggestion track (ADR 26): kept for the bureau
/// to pass to the competent department, never routed as a complaint. Runs inside the registration's unit of work.
/// </summary>
public static class SuggestionTrack
{
    public const string Category = "suggestion", Channel = "peoples_suggestion";

    /// <summary>
    /// Whatever the channel it came by, a suggestion by category; and what came by the people's suggestion channel, except
    /// an accusation: that stays on the complaint track, where the accused unit is shielded from it.
    /// </summary>
    public static bool Takes(PetitionRegistered m) =>
        m.Category == Category || (m.Channel == Channel && m.Category != Accusation && m.AccusedUnit is null);

    private const string Accusation = "accusation";

    public static void Receive(AssignmentDb db, HandlingCase c, PetitionRegistered m)
    {
        c.Status = CaseStatus.Suggestion;
        db.Suggestions.Add(new Suggestion
        {
            CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, Summary = m.Summary, Channel = m.Channel,
            ReceivedAt = m.OccurredAt,
        });
        db.Publish(new SuggestionReceived
        {
            CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, Channel = m.Channel, OccurredAt = m.OccurredAt,
        }, c.Id);
    }
}
