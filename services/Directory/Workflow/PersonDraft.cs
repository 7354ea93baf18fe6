namespace Coordination.Directory.Workflow;

/// <summary>A person as an administrator (or the seed) asked for them, before any check.</summary>
public sealed record PersonDraft(string Login, string Name, string UnitCode, string Role, string LeaderTitle, string Password);
