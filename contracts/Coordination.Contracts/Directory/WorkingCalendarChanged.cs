namespace Coordination.Contracts.Directory;

/// <summary>
/// The whole working calendar after a change (or in answer to <see cref="UnitDirectoryRequested"/>). Published by Directory.
/// <see cref="Version"/> grows with each change, so a copy applies only a newer calendar, in any order of arrival.
/// </summary>
public sealed record WorkingCalendarChanged
{
    public required int Version { get; init; }
    public required IReadOnlyList<CalendarDay> Days { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
