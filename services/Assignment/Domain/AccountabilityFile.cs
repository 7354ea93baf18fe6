using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>
/// An accountability file (责任追究, §5, §9): opened by a rule, never by hand, naming the unit and person responsible with
/// the evidence from the events; the bureau decides it once.
/// </summary>
public sealed class AccountabilityFile
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string Rule { get; init; }
    public required string RegionCode { get; init; }
    public required string Unit { get; init; }
    public required string Person { get; init; }
    /// <summary>What opened it: a time limit's id, or a major event's.</summary>
    public Guid SubjectId { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public List<string> Evidence { get; init; } = [];
    public string? Decision { get; private set; }
    public string? Reasons { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(string decision, string reasons, string actor, DateTimeOffset now)
    {
        if (!AccountabilityWords.Decisions.Contains(decision)) throw new DomainRuleException("UnknownDecision", $"unknown decision {decision}");
        if (Decision is not null) throw new DomainRuleException("AlreadyDecided", "this accountability file is decided");
        (Decision, Reasons, DecidedBy, DecidedAt) = (decision, reasons, actor, now);
    }
}

/// <summary>
/// A rule that opens accountability files, held as data (`accountability_rules`): whether it applies, and for
/// overdue_after_supervision how many working days after 督办 a limit must still be open.
/// </summary>
public sealed class AccountabilityRule
{
    public required string Kind { get; init; }
    public bool Enabled { get; set; }
    public int WorkingDays { get; set; }
    public required string Description { get; init; }
}
