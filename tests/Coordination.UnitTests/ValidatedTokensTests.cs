using System.Security.Claims;
using System.Security.Cryptography;
using Coordination.ServiceDefaults.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.UnitTests;

/// <summary>A token's signature is checked once and remembered briefly (issue 15), never beyond what it proved.</summary>
public sealed class ValidatedTokensTests
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k1" };
    private static readonly RsaSecurityKey Other = new(RSA.Create(2048)) { KeyId = "k1" };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private static string Token(RsaSecurityKey key, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "directory",
        Audience = AuthOptions.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "clerk.one"), new Claim("role", "clerk")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow + lifetime,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private static TokenValidationParameters Trusting(params SecurityKey[] keys) => new()
    {
        ValidIssuer = "directory",
        ValidAudience = AuthOptions.Audience,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };

    [Fact]
    public async Task A_token_that_passed_is_remembered_for_a_minute_then_checked_again()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Token(Key, TimeSpan.FromHours(1));
        Assert.True((await tokens.ValidateTokenAsync(token, Trusting(Key))).IsValid);
        // Trusting no key, it would now fail: it passes because it is remembered...
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True((await tokens.ValidateTokenAsync(token, Trusting())).IsValid);
        // ...for a minute, no longer.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await tokens.ValidateTokenAsync(token, Trusting())).IsValid);
    }

    [Fact]
    public async Task A_token_is_never_remembered_past_its_expiry()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Token(Key, TimeSpan.FromSeconds(20));
        Assert.True((await tokens.ValidateTokenAsync(token, Trusting(Key))).IsValid);
        _clock.Advance(TimeSpan.FromSeconds(25));
        Assert.False((await tokens.ValidateTokenAsync(token, Trusting())).IsValid);
    }

    [Fact]
    public async Task A_token_that_failed_is_not_remembered()
    {
        var tokens = new ValidatedTokens(_clock);
        var forged = Token(Other, TimeSpan.FromHours(1));
        Assert.False((await tokens.ValidateTokenAsync(forged, Trusting(Key))).IsValid);
        Assert.False((await tokens.ValidateTokenAsync(forged, Trusting(Key))).IsValid);
        // Refused while its key was not trusted, the same token passes once it is: the refusal was not remembered.
        var genuine = Token(Key, TimeSpan.FromHours(1));
        Assert.False((await tokens.ValidateTokenAsync(genuine, Trusting())).IsValid);
        Assert.True((await tokens.ValidateTokenAsync(genuine, Trusting(Key))).IsValid);
    }

    [Fact]
    public async Task Each_call_gets_an_identity_of_its_own()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Token(Key, TimeSpan.FromHours(1));
        var first = await tokens.ValidateTokenAsync(token, Trusting(Key));
        first.ClaimsIdentity.AddClaim(new Claim("role", "administrator"));
        var second = await tokens.ValidateTokenAsync(token, Trusting(Key));
        Assert.Equal(["clerk"], second.ClaimsIdentity.FindAll("role").Select(c => c.Value));
        Assert.Equal("clerk.one", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }
}
