using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Bearer headers for the users of the system, minted with the local signing key.</summary>
public static class Callers
{
    public static Metadata As(string role, string unit, string region, string? subject = null) =>
        new() { { "Authorization", "Bearer " + TokenMinter.Mint(subject ?? $"{role}-{unit}", role, unit, region) } };

    public static Metadata Clerk(string unit = "nanjing-petition-bureau", string region = "320100") => As(Roles.Clerk, unit, region);
    public static Metadata Bureau(string region = "320100") => As(Roles.Bureau, "petition-bureau-" + region, region);
    public static Metadata Department(string unit, string region = "320100") => As(Roles.Department, unit, region);
    public static Metadata Committee(string region = "320100") => As(Roles.Committee, "political-legal-committee-" + region, region);
}
