namespace Coordination.IntegrationTests.Authorization;

/// <summary>
/// What a person recused from the world's cases (ADR 30) gets from a method their role may call in scope: the column
/// "recused" of the matrix.
/// </summary>
public sealed record Recusal(Outcome Expected, string Symbol)
{
    /// <summary>The request names the case or a thing of it (a hand-over, referral, meeting, file): NotFound, as if it did not exist.</summary>
    public static readonly Recusal NotFound = new(Outcome.NotFound, "NF");
    /// <summary>A list, search, report or stream: the case and its things are left out.</summary>
    public static readonly Recusal LeftOut = new(Outcome.Hidden, "∅");
    /// <summary>Nothing of a case: the recused person calls it like anyone of their role.</summary>
    public static readonly Recusal Unaffected = new(Outcome.Allowed, "✓");
    /// <summary>No role that handles cases may call it.</summary>
    public static readonly Recusal None = new(Outcome.PermissionDenied, "—");

    public static readonly IReadOnlyList<(Recusal Recusal, string Meaning)> Legend =
    [
        (NotFound, "NotFound: the request names the case or a thing of it, as if it did not exist"),
        (LeftOut, "the case and its things are left out of the list, report or stream"),
        (Unaffected, "nothing of a case: as for anyone of the role"),
        (None, "no case role calls it"),
    ];
}
