using Coordination.Contracts.Intake;
using Coordination.ServiceDefaults.Time;

namespace Coordination.Reporting.Domain;

/// <summary>
/// The early-warning rules (§13) for one new petition: which days to count, and which warnings the counts call for.
/// Every count the caller passes in includes the petition itself. The counting is Workflow's; these rules read nothing.
/// </summary>
public sealed class PetitionWarningRules
{
    private readonly PetitionRegistered petition;
    private readonly EarlyWarningOptions rules;
    private readonly SensitivePeriod? sensitive;

    public PetitionWarningRules(PetitionRegistered petition, EarlyWarningOptions rules)
    {
        (this.petition, this.rules) = (petition, rules);
        var local = petition.OccurredAt.ToOffset(WorkingDays.BureauOffset);
        DayStart = new DateTimeOffset(local.Date, WorkingDays.BureauOffset).ToUniversalTime();
        Day = local.ToString("yyyy-MM-dd");
        sensitive = rules.SensitivePeriodAt(petition.RegionCode, DateOnly.FromDateTime(local.Date));
    }

    /// <summary>The petition's Nanjing day, yyyy-MM-dd: the period of its spikes and visits.</summary>
    public string Day { get; }
    public DateTimeOffset DayStart { get; }
    public DateTimeOffset BaselineStart => DayStart.AddDays(-rules.BaselineDays);
    public string Month => BureauMonth.Of(petition.OccurredAt);
    public string Province => petition.RegionCode[..2];
    /// <summary>A topic spikes within a province, not per county.</summary>
    public string TopicSubject => $"{Province}:{petition.Topic}";

    /// <summary>A day's petitions (today) against the daily mean of the days before (baseline); thresholds are lower in a sensitive period.</summary>
    public EarlyWarningCandidate? Spike(string kind, string subject, int today, int baseline)
    {
        var (factor, minimum) = sensitive is null ? (rules.SpikeFactor, rules.SpikeMinimum) : (rules.SensitiveSpikeFactor, rules.SensitiveSpikeMinimum);
        var during = sensitive is null ? "" : $"; {sensitive.Name} ({sensitive.From:yyyy-MM-dd} to {sensitive.To:yyyy-MM-dd}), lowered threshold";
        var mean = (double)baseline / rules.BaselineDays;
        var threshold = Math.Max(minimum, (int)Math.Ceiling(factor * mean));
        return today < threshold ? null : Raise(kind, subject, Day,
            $"{today} petitions on {Day} against a baseline of {mean:0.00} a day over {rules.BaselineDays} days (threshold {threshold}{during})", null);
    }

    public EarlyWarningCandidate? CollectiveVisit() => People < rules.CollectiveRiskPeople ? null
        : Raise("collective_visit", petition.CaseNumber, Day, $"collective visit of {People} people on {petition.Topic} (threshold {rules.CollectiveRiskPeople})",
            petition.CaseId);

    /// <summary>Inside a sensitive period every collective visit and every petition to Beijing is itself a warning.</summary>
    public EarlyWarningCandidate? DuringSensitivePeriod() => sensitive is null || !(petition.Collective || petition.ToBeijing) ? null
        : Raise("sensitive_period", petition.CaseNumber, Day,
            $"{(petition.Collective ? $"collective visit of {People} people" : "petition to Beijing")} on {petition.Topic} during {sensitive.Name} " +
            $"({sensitive.From:yyyy-MM-dd} to {sensitive.To:yyyy-MM-dd})", petition.CaseId);

    /// <summary>Batches to Beijing from the petition's region in its month (none asked for unless it went to Beijing).</summary>
    public EarlyWarningCandidate? BeijingThreshold(int batches) => !petition.ToBeijing || batches < rules.BeijingMonthlyThreshold ? null
        : Raise("beijing_threshold", petition.RegionCode, Month, $"{batches} batches to Beijing in {Month} (threshold {rules.BeijingMonthlyThreshold})", null);

    private int People => Math.Max(petition.GroupSize, petition.PetitionerCount);

    private EarlyWarningCandidate Raise(string kind, string subject, string period, string evidence, Guid? caseId) =>
        new(kind, petition.RegionCode, subject, period, evidence, caseId, petition.OccurredAt);
}
