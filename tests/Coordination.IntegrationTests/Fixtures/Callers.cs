using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Bearer headers for the users of the system, signed with the run's Directory key (TestTokens).</summary>
public static class Callers
{
    public static Metadata As(string role, string unit, string region, string? subject = null) =>
        Bearer(TestTokens.Mint(subject ?? $"{role}-{unit}", role, unit, region));

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public static Metadata Clerk(string unit = "nanjing-petition-bureau", string region = "320100") => As(Roles.Clerk, unit, region);
    public static Metadata Bureau(string region = "320100") => As(Roles.Bureau, "petition-bureau-" + region, region);
    public static Metadata Department(string unit, string region = "320100") => As(Roles.Department, unit, region);
    public static Metadata Committee(string region = "320100") => As(Roles.Committee, "political-legal-committee-" + region, region);
    public static Metadata Administrator() => As(Roles.Administrator, "jiangsu-petition-bureau", "320000", "admin");
    public static Metadata Leader(string unit, string region, string name = "陈主任", string title = "主任") =>
        Bearer(TestTokens.Mint($"leader-{unit}", Roles.Leader, unit, region, name, title));
}
