namespace Coordination.IntegrationTests.Authorization;

/// <summary>What a call ends with, as far as authorization goes.</summary>
public enum Outcome
{
    /// <summary>Past every check: OK, or a domain answer about the thing itself (FailedPrecondition, AlreadyExists).</summary>
    Allowed,
    /// <summary>OK, but the reply names nothing of the other unit's or jurisdiction's (a list filtered to the caller).</summary>
    Hidden,
    PermissionDenied,
    /// <summary>Worded exactly as for a thing that does not exist.</summary>
    NotFound,
    Unauthenticated,
}

/// <summary>One cell of the matrix: the outcome for a caller in scope (its own unit or jurisdiction) and out of scope (another's).</summary>
public sealed record Access(Outcome InScope, Outcome OutOfScope, string Symbol)
{
    /// <summary>Allowed whoever asks: the thing has no scope (reference data, the caller's own account).</summary>
    public static readonly Access Any = new(Outcome.Allowed, Outcome.Allowed, "✓");
    /// <summary>Allowed on the caller's own thing; another's is NotFound, as if it did not exist.</summary>
    public static readonly Access Scoped = new(Outcome.Allowed, Outcome.NotFound, "✓/NF");
    /// <summary>Allowed for a region of the caller's jurisdiction; a region outside it is PermissionDenied.</summary>
    public static readonly Access Region = new(Outcome.Allowed, Outcome.PermissionDenied, "✓/PD");
    /// <summary>A list: allowed, and it holds only the caller's own (another's never appears).</summary>
    public static readonly Access Listed = new(Outcome.Allowed, Outcome.Hidden, "✓/∅");
    /// <summary>The role may act only on what is its own, and this is nobody's of that role: NotFound either way.</summary>
    public static readonly Access Unseen = new(Outcome.NotFound, Outcome.NotFound, "NF");
    public static readonly Access No = new(Outcome.PermissionDenied, Outcome.PermissionDenied, "PD");
    public static readonly Access NoToken = new(Outcome.Unauthenticated, Outcome.Unauthenticated, "401");

    public static readonly IReadOnlyList<(Access Access, string Meaning)> Legend =
    [
        (Any, "allowed, in or out of scope (nothing to scope)"),
        (Scoped, "allowed in scope; out of scope NotFound, worded as for nothing at all"),
        (Region, "allowed for a region of the caller's jurisdiction; another region PermissionDenied"),
        (Listed, "allowed; the list holds only what is the caller's (another's never appears)"),
        (Unseen, "NotFound: the role acts only on its own, and this is not"),
        (No, "PermissionDenied for the role"),
        (NoToken, "Unauthenticated: a token is needed"),
    ];
}
