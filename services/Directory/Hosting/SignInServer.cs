using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Coordination.Directory.Hosting;

/// <summary>The OpenID Connect server (OpenIddict, EF Core stores in the Directory's database) and the login cookie.</summary>
public static class SignInServer
{
    public const string CookieScheme = "directory-session";

    public static bool PasswordGrantAllowed(DirectoryOptions options, IHostEnvironment environment) => options.AllowPasswordGrant || environment.IsDevelopment();

    /// <summary>Directory:Issuer, else this machine's address on the HTTP port.</summary>
    public static string IssuerOf(IConfiguration configuration)
    {
        var httpPort = configuration.GetSection("Ports").Get<PortOptions>()?.Http is > 0 and var port ? port : DirectoryService.DefaultGrpcPort + 100;
        return configuration["Directory:Issuer"] is { Length: > 0 } issuer ? issuer : $"http://127.0.0.1:{httpPort}/";
    }

    public static WebApplicationBuilder AddSignInServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Directory").Get<DirectoryOptions>() ?? new DirectoryOptions();
        CheckAdministrator(options.Administrator);
        var keys = KeyMaterial.Load(options, builder.Environment); // refuses to start without keys outside Development
        var plainHttp = options.AllowHttp || builder.Environment.IsDevelopment();
        var issuer = IssuerOf(builder.Configuration);
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri)) throw new MissingSettingException($"Directory:Issuer '{issuer}' is not an absolute URI");

        builder.Services.Configure<DirectoryOptions>(builder.Configuration.GetSection("Directory"));
        builder.Services.Configure<LockoutPolicy>(builder.Configuration.GetSection("Directory:Lockout"));
        builder.Services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        builder.Services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.LoginPath = "/account/login";
            o.Cookie.Name = "coordination.directory";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DirectoryDb>())
            .AddServer(o =>
            {
                o.SetIssuer(issuerUri);
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow().AllowDeviceAuthorizationFlow().AllowClientCredentialsFlow();
                if (PasswordGrantAllowed(options, builder.Environment)) o.AllowPasswordFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, TokenPrincipals.ApiScope);
                o.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                o.DisableAccessTokenEncryption(); // services read the JWT and check it against the published keys
                o.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (plainHttp) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(TokenPrincipals.Resource);
            });
        builder.Services.AddHostedService<StartupSeeder>();
        return builder;
    }

    /// <summary>A configured bootstrap administrator must be usable, or the Directory does not start.</summary>
    private static void CheckAdministrator(AdministratorOptions admin)
    {
        if (string.IsNullOrEmpty(admin.Password)) return;
        if (!LoginName.IsValid(admin.Login)) throw new MissingSettingException($"Directory:Administrator:Login '{admin.Login}' is not a valid login name");
        if (PasswordPolicy.Problem(admin.Password) is { } problem) throw new MissingSettingException($"Directory:Administrator:Password {problem}");
    }
}
