using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.ServiceDefaults.Auth;

/// <summary>Mints tokens signed with the local key, for developers, the CLI and tests.</summary>
public static class TokenMinter
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Mint(string subject, string role, string unit, string region, string signingKey = AuthOptions.DevelopmentSigningKey,
        TimeSpan? lifetime = null)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity([
                new Claim(CallerClaims.Subject, subject),
                new Claim(CallerClaims.Role, role),
                new Claim(CallerClaims.Unit, unit),
                new Claim(CallerClaims.Region, region),
            ]),
            SigningCredentials = new SigningCredentials(KeyFrom(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
