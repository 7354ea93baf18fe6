using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Coordination.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Tokens an attacker (or time) makes: each must be Unauthenticated everywhere.</summary>
public static class Forgery
{
    /// <summary>The symmetric key that shipped in the repository before the Directory: it must open nothing.</summary>
    private const string OldDevelopmentKey = "coordination-local-" + "development-signing-key-change-me-0123456789";

    public static string Make(string kind) => kind switch
    {
        "old_development_key" => Sign(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(OldDevelopmentKey)), SecurityAlgorithms.HmacSha256)),
        "forged_key" => TestTokens.Mint("mallory", Roles.Bureau, "jiangsu-petition-bureau", "320000", key: RSA.Create(2048)),
        "alg_none" => Unsigned(),
        "expired" => TestTokens.Mint("bureau-expired", Roles.Bureau, "jiangsu-petition-bureau", "320000",
            issuedAt: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2)),
        "other_issuer" => TestTokens.Mint("mallory", Roles.Bureau, "jiangsu-petition-bureau", "320000", issuer: "http://127.0.0.1:1/"),
        "other_audience" => Sign(new SigningCredentials(new RsaSecurityKey(TestTokens.SigningKey), SecurityAlgorithms.RsaSha256), audience: "another-system"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Sign(SigningCredentials credentials, string audience = AuthOptions.Audience) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(audience, credentials));

    /// <summary>alg "none": without credentials the handler writes that header and an empty signature.</summary>
    private static string Unsigned() => new JsonWebTokenHandler().CreateToken(Descriptor(AuthOptions.Audience, null));

    private static SecurityTokenDescriptor Descriptor(string audience, SigningCredentials? credentials) => new()
    {
        Issuer = TestTokens.Issuer,
        Audience = audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Subject = new ClaimsIdentity([
            new Claim(CallerClaims.Subject, "mallory"), new Claim(CallerClaims.Role, Roles.Bureau),
            new Claim(CallerClaims.Unit, "jiangsu-petition-bureau"), new Claim(CallerClaims.Region, "320000"),
        ]),
        SigningCredentials = credentials,
    };
}
