using Coordination.Cli.Oidc;
using Grpc.Core;

namespace Coordination.Bench.Mixed;

/// <summary>The seeded people the mixed actors act as, each signed in by the password grant at the Directory once.</summary>
public sealed record People(Metadata Bureau, Metadata Committee, IReadOnlyList<Metadata> Departments)
{
    public static async Task<People> SignInAsync(BenchOptions options, MixedOptions mixed)
    {
        var password = options.Password ?? throw new InvalidOperationException("the mixed actors sign in by password: give --password or COORD_PASSWORD");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new OidcClient(http, await Discovery.ReadAsync(http, options.Directory, CancellationToken.None));
        async Task<Metadata> As(string user) =>
            new() { { "Authorization", "Bearer " + (await client.PasswordAsync(user, password, CancellationToken.None)).AccessToken } };
        var departments = new List<Metadata>();
        foreach (var user in mixed.Departments) departments.Add(await As(user));
        return new People(await As(mixed.Bureau), await As(mixed.Committee), departments);
    }
}
