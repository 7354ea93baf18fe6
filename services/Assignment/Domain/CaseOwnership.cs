using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>
/// A leader's ownership (包案, §12) of a long-standing petitioner's case: the handling plan, the units handling it jointly
/// and periodic progress notes, each due a number of working days after the last (the deadline ladder reminds a late one).
/// </summary>
public sealed class CaseOwnership
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    /// <summary>The owning leader's login, and name with title from their token: a typed name owns nothing.</summary>
    public required string Leader { get; init; }
    public required string LeaderName { get; init; }
    public required string LeaderUnit { get; init; }
    public required string Plan { get; init; }
    public List<string> JointUnits { get; init; } = [];
    public int ProgressEveryWorkingDays { get; init; }
    public DateTimeOffset TakenAt { get; init; }
    public DateTimeOffset NextProgressDueAt { get; private set; }
    public string? LastNote { get; private set; }
    public DateTimeOffset? LastNoteAt { get; private set; }
    public int Notes { get; private set; }
    /// <summary>When its case closed: no more notes are asked for.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public static CaseOwnership Take(Guid id, HandlingCase c, string leader, string leaderName, string leaderUnit, string plan, IReadOnlyList<string> jointUnits,
        int everyWorkingDays, DateTimeOffset now, DateTimeOffset firstDue)
    {
        if (!c.LongStandingPetitioner)
            throw new DomainRuleException("OwnershipNeedsLongStandingPetitioner", $"case {c.CaseNumber} is not a long-standing petitioner's (信访老户)");
        if (c.Status == CaseStatus.Closed) throw new DomainRuleException("CaseIsClosed", $"case {c.CaseNumber} is closed");
        return new CaseOwnership
        {
            Id = id, CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, Leader = leader, LeaderName = leaderName,
            LeaderUnit = leaderUnit, Plan = plan, JointUnits = [.. jointUnits], ProgressEveryWorkingDays = everyWorkingDays, TakenAt = now,
            NextProgressDueAt = firstDue,
        };
    }

    public bool OwnedBy(string leader) => Leader == leader;

    public void RecordProgress(string note, DateTimeOffset now, DateTimeOffset nextDue)
    {
        if (EndedAt is not null) throw new DomainRuleException("OwnershipEnded", $"case {CaseNumber} is closed; its ownership ended");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainRuleException("ProgressNeedsNote", "a progress note says what was done");
        (LastNote, LastNoteAt, NextProgressDueAt) = (note, now, nextDue);
        Notes++;
    }

    /// <summary>The working calendar moved the next note's limit (ADR 19).</summary>
    public void Replanned(DateTimeOffset nextDue) => NextProgressDueAt = nextDue;

    /// <summary>The case closed: the file stays for the record, no note is due any more.</summary>
    public void End(DateTimeOffset now) => EndedAt ??= now;

    public bool Overdue(DateTimeOffset now) => EndedAt is null && NextProgressDueAt < now;
}
