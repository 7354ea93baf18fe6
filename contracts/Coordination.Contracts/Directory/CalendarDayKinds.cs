namespace Coordination.Contracts.Directory;

/// <summary>What a named day of the working calendar is (wire values).</summary>
public static class CalendarDayKinds
{
    public const string Holiday = "holiday";
    /// <summary>调休: a weekend day made a working day.</summary>
    public const string MakeUpWorkingDay = "workday";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Holiday, MakeUpWorkingDay };
}
