using System.Security.Claims;
using System.Security.Cryptography;
using Coordination.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// The test run's Directory signs with this RSA key (made for the run, never stored), so tests can also mint tokens
/// for callers the scenarios need without signing each one in; the services trust it only because they fetch it
/// from the Directory's published keys. Sign-in itself is tested through the Directory's real endpoints.
/// </summary>
public static class TestTokens
{
    public static readonly RSA SigningKey = RSA.Create(2048);
    public static readonly RSA EncryptionKey = RSA.Create(2048);
    public static string SigningKeyPem { get; } = SigningKey.ExportPkcs8PrivateKeyPem();
    public static string EncryptionKeyPem { get; } = EncryptionKey.ExportPkcs8PrivateKeyPem();

    /// <summary>The issuer of the run's Directory, set when the fixture starts it.</summary>
    public static string Issuer { get; set; } = "";

    public static string Mint(string subject, string role, string unit, string region, string? name = null, string? leaderTitle = null,
        RSA? key = null, string? issuer = null, DateTime? expires = null, DateTime? issuedAt = null)
    {
        var claims = new List<Claim>
        {
            new(CallerClaims.Subject, subject), new(CallerClaims.Role, role), new(CallerClaims.Unit, unit), new(CallerClaims.Region, region),
            new(CallerClaims.Name, name ?? subject),
        };
        if (leaderTitle is not null) claims.Add(new Claim(CallerClaims.LeaderTitle, leaderTitle));
        var now = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-5),
            Expires = expires ?? now.AddHours(1),
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity(claims),
            // No key id: the services try every key the Directory publishes.
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey), SecurityAlgorithms.RsaSha256),
        });
    }
}
