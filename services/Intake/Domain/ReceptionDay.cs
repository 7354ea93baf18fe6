using Coordination.ServiceDefaults.Rules;

namespace Coordination.Intake.Domain;

/// <summary>A leader's reception day (领导接待日, seed §6–8): scheduled, then held.</summary>
public sealed class ReceptionDay
{
    public const string Scheduled = "scheduled";
    public const string Held = "held";

    public Guid Id { get; init; }
    public required string LeaderName { get; init; }
    public required string LeaderTitle { get; init; }
    /// <summary>city, county, provincial_department or township: decides the monthly minimum.</summary>
    public required string Level { get; init; }
    public required string RegionCode { get; init; }
    public DateOnly Date { get; init; }
    public required string Place { get; init; }
    public required string ScheduledBy { get; init; }
    public string Status { get; private set; } = Scheduled;

    public static ReceptionDay Schedule(Guid id, NewReceptionDay day, string scheduledBy) => new()
    {
        Id = id, LeaderName = day.LeaderName, LeaderTitle = day.LeaderTitle, Level = day.Level, RegionCode = day.RegionCode, Date = day.Date,
        Place = day.Place, ScheduledBy = scheduledBy,
    };

    /// <summary>Petitions are registered at a session only while it is scheduled, never after it was held.</summary>
    public void EnsureOpenForReception()
    {
        if (Status != Scheduled)
            throw new DomainRuleException("ReceptionDayAlreadyHeld", $"reception day {Id} was already held");
    }

    public void Complete(DateOnly today)
    {
        EnsureOpenForReception();
        if (today < Date) throw new DomainRuleException("ReceptionDayNotYetDue", $"reception day {Id} is on {Date:yyyy-MM-dd}");
        Status = Held;
    }
}
