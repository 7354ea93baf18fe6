namespace Coordination.Contracts.Directory;

/// <summary>
/// A day the working calendar names: a public holiday (not worked, even on a weekday) or a make-up working day (调休: worked,
/// even on a weekend). Days it does not name follow the week: Monday to Friday are worked.
/// </summary>
public sealed record CalendarDay
{
    public required DateOnly Date { get; init; }
    /// <summary>One of <see cref="CalendarDayKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The holiday it belongs to (国庆节, 春节调休 …).</summary>
    public required string Name { get; init; }
}
