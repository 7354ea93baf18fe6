namespace Coordination.Directory.Workflow;

/// <summary>A unit as an administrator asked for it, before any check.</summary>
public sealed record UnitDraft(string Code, string Name, string Kind, string RegionCode, string ParentCode);
