namespace Coordination.Intake.Domain;

/// <summary>
/// What a registration becomes, from the repeat match (decided in PostgreSQL under the identities' locks), whether the
/// earlier case is final, and the level the petition was raised at (README, Intake's rules).
/// </summary>
public sealed record RegistrationDecision(RegistrationKind Kind, RepeatMatch? Match)
{
    public static RegistrationDecision Of(RepeatMatch? match, bool earlierIsFinal, int receivingLevel) => new(
        match is null ? RegistrationKind.NewCase
        : earlierIsFinal ? RegistrationKind.Final
        // A lower number is a higher level (1 province, 3 county).
        : receivingLevel < match.Earlier.ReceivingLevel ? RegistrationKind.SkipLevel
        : RegistrationKind.Repeat,
        match);

    /// <summary>A repeat carries the earlier case's number; everything else, not-accepted included, gets its own.</summary>
    public bool NeedsCaseNumber => Kind != RegistrationKind.Repeat;

    /// <summary>Only a new case counts towards its petitioners' cases (IdentityCounter).</summary>
    public bool OpensCase => Kind == RegistrationKind.NewCase;

    /// <summary>The case a registration belongs to and is correlated by: its own, or for a repeat the earlier one.</summary>
    public Guid CaseIdOf(Guid registrationId) => Kind == RegistrationKind.Repeat ? Match!.Earlier.CaseId : registrationId;

    public string Outcome => Kind switch
    {
        RegistrationKind.NewCase => Outcomes.Registered, RegistrationKind.Repeat => Outcomes.Repeat, _ => Outcomes.NotAccepted,
    };

    public string Status => Kind switch
    {
        RegistrationKind.NewCase => PetitionStatuses.Registered, RegistrationKind.Repeat => PetitionStatuses.Repeat, _ => PetitionStatuses.NotAccepted,
    };

    public string? NotAcceptedReason => Kind switch
    {
        RegistrationKind.SkipLevel => NotAcceptance.SkipLevelPendingBelow, RegistrationKind.Final => NotAcceptance.FinalAfterReReview, _ => null,
    };

    public string? Notice => Kind switch
    {
        RegistrationKind.SkipLevel => NotAcceptance.SkipLevelNotice(Match!.Earlier), RegistrationKind.Final => NotAcceptance.FinalNotice(Match!.Earlier), _ => null,
    };
}
