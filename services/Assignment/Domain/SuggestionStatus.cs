namespace Coordination.Assignment.Domain;

public static class SuggestionStatus
{
    public const string Received = "received";
    public const string Passed = "passed";
    public const string Evaluated = "evaluated";
    public const string Commended = "commended";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Received, Passed, Evaluated, Commended };
}
