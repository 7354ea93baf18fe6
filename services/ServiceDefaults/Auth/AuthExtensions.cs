using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer tokens issued by the Directory and signed with its asymmetric key, fetched from its discovery
    /// document: a service holds no signing secret. Outside Development the Directory's address must be configured.
    /// </summary>
    public static WebApplicationBuilder AddCoordinationAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var development = builder.Environment.IsDevelopment();
        var authority = options.Authority is { Length: > 0 } configured ? configured
            : development ? AuthOptions.DevelopmentAuthority
            : throw new MissingSettingException("no token issuer: set Auth__Authority to the Directory's address");
        builder.Services.TryAddSingleton<DeactivatedPeople>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = authority;
            o.RequireHttpsMetadata = !(development || options.AllowHttp);
            o.MapInboundClaims = false;
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new ValidatedTokens());
            o.RefreshOnIssuerKeyNotFound = true;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = AuthOptions.Audience,
                // Asymmetric signatures only: an HMAC token (the old shared development key) or alg "none" never passes.
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
                NameClaimType = CallerClaims.Subject,
                RoleClaimType = CallerClaims.Role,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var people = context.HttpContext.RequestServices.GetRequiredService<DeactivatedPeople>();
                    if (people.Refuses(context.Principal!)) context.Fail("the person has been deactivated");
                    return Task.CompletedTask;
                },
            };
        });
        // Every endpoint that asks for authorization asks for a token of this system: a role it grants and a region code
        // (a role of another system, or "32" for a region, would otherwise reach every method that checks no role).
        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(CallerPolicy.Build());
        return builder;
    }
}
