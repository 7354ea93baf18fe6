namespace Coordination.Contracts.LegalDiversion;

/// <summary>How a committee concludes a referral (<see cref="LegalReferralConcluded.Conclusion"/>): wire values.</summary>
public static class ReferralConclusions
{
    /// <summary>依法终结: the case leaves the petition track; Assignment closes it as diverted, never as resolved.</summary>
    public const string ConcludedInLaw = "concluded_in_law";
    /// <summary>Back to the petition track: Assignment routes it again.</summary>
    public const string ReturnedToPetitionTrack = "returned_to_petition_track";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { ConcludedInLaw, ReturnedToPetitionTrack };
}
