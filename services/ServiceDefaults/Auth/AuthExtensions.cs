using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer with role, unit and region claims; the key comes from Auth:SigningKey.</summary>
    public static WebApplicationBuilder AddCoordinationAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Audience,
                IssuerSigningKey = TokenMinter.KeyFrom(options.SigningKey),
                NameClaimType = CallerClaims.Subject,
                RoleClaimType = CallerClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();
        return builder;
    }
}
