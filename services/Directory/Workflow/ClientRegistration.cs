using Coordination.Directory.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Coordination.Directory.Workflow;

/// <summary>
/// The clients the sign-in server knows, written at every start so configuration changes (redirect URIs, secrets) take
/// effect: the web console (code + PKCE), the command-line client (device code), and service clients from configuration.
/// </summary>
public sealed class ClientRegistration(IOpenIddictApplicationManager applications)
{
    public const string Console = "coordination-console";
    public const string Cli = "coordination-cli";

    public async Task RegisterAsync(DirectoryOptions options, bool passwordGrant, CancellationToken ct)
    {
        var console = Public(Console, "信访协同工作台",
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code);
        console.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        foreach (var uri in options.Console.EffectiveRedirectUris) console.RedirectUris.Add(new Uri(uri));
        foreach (var uri in options.Console.EffectivePostLogoutRedirectUris) console.PostLogoutRedirectUris.Add(new Uri(uri));
        await UpsertAsync(console, ct);

        var cli = Public(Cli, "信访协同命令行",
            Permissions.Endpoints.DeviceAuthorization, Permissions.Endpoints.Token, Permissions.GrantTypes.DeviceCode, Permissions.GrantTypes.RefreshToken);
        if (passwordGrant) cli.Permissions.Add(Permissions.GrantTypes.Password);
        await UpsertAsync(cli, ct);

        foreach (var (clientId, client) in options.ServiceClients)
        {
            var service = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId, ClientSecret = client.Secret, ClientType = ClientTypes.Confidential, DisplayName = clientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
            };
            await UpsertAsync(service, ct);
        }
    }

    private static OpenIddictApplicationDescriptor Public(string clientId, string name, params string[] permissions)
    {
        var descriptor = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientType = ClientTypes.Public, DisplayName = name, ConsentType = ConsentTypes.Implicit };
        foreach (var p in permissions) descriptor.Permissions.Add(p);
        descriptor.Permissions.UnionWith([Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope]);
        return descriptor;
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null) await applications.CreateAsync(descriptor, ct);
        else await applications.UpdateAsync(existing, descriptor, ct);
    }
}
