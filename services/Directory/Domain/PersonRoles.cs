using Coordination.ServiceDefaults.Auth;

namespace Coordination.Directory.Domain;

/// <summary>The roles an account may hold: the case-handling roles plus the Directory's own administrator.</summary>
public static class PersonRoles
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(Roles.All) { Roles.Administrator };

    public const int LeaderTitleMaxLength = 32;
}
