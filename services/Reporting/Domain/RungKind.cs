namespace Coordination.Reporting.Domain;

/// <summary>The steps of a time limit's ladder, as every owning service publishes them: 提醒, 催办, 督办, and met.</summary>
public enum RungKind { Reminded, Missed, Supervised, Cleared }
