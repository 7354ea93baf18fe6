using Coordination.ServiceDefaults.Time;

namespace Coordination.Reporting.Domain;

/// <summary>The month an instant falls in at the bureau (China Standard Time), as the monthly reports key it: yyyy-MM.</summary>
public static class BureauMonth
{
    public static string Of(DateTimeOffset at) => at.ToOffset(WorkingDays.BureauOffset).ToString("yyyy-MM");
}
