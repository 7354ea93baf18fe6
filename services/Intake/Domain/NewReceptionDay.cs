namespace Coordination.Intake.Domain;

/// <summary>A reception day to schedule, as validated.</summary>
public sealed record NewReceptionDay(string LeaderName, string LeaderTitle, string Level, string RegionCode, DateOnly Date, string Place);
