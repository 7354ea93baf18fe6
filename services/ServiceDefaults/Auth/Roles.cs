namespace Coordination.ServiceDefaults.Auth;

/// <summary>The "role" claim values (ARCHITECTURE.md, Edges).</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string Department = "department";
    public const string Committee = "committee";
    public const string Institution = "institution";
    public const string Bureau = "bureau";
    public const string Leader = "leader";
    /// <summary>Manages the Directory (units, people, accounts); not one of the case-handling roles in <see cref="All"/>.</summary>
    public const string Administrator = "administrator";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Clerk, Department, Committee, Institution, Bureau, Leader };
}
