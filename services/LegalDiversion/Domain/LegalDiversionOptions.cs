namespace Coordination.LegalDiversion.Domain;

/// <summary>Legal diversion's time limits (configuration under LegalDiversion__*).</summary>
public sealed class LegalDiversionOptions
{
    /// <summary>The institution files, accepts or declines within these working days.</summary>
    public int AcknowledgeWorkingDays { get; set; } = 7;
    /// <summary>Then reports an outcome within these days.</summary>
    public int OutcomeDays { get; set; } = 90;
    public double ReminderFraction { get; set; } = 0.8;
    public int SupervisionWorkingDays { get; set; } = 5;
}

public static class LegalSteps
{
    public const string Acknowledge = "legal_acknowledge";
    public const string Outcome = "legal_outcome";
    public const string SupervisionOrder = "supervision_order";
}
