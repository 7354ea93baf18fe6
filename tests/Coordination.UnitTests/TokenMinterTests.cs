using Coordination.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.UnitTests;

public sealed class TokenMinterTests
{
    [Fact]
    public async Task A_minted_token_validates_with_the_key_and_carries_role_unit_and_region()
    {
        var token = TokenMinter.Mint("li.si", Roles.Department, "xuanwu-housing-office", "320102");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = AuthOptions.Issuer,
            ValidAudience = AuthOptions.Audience,
            IssuerSigningKey = TokenMinter.KeyFrom(AuthOptions.DevelopmentSigningKey),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("department", result.Claims["role"]);
        Assert.Equal("xuanwu-housing-office", result.Claims["unit"]);
        Assert.Equal("320102", result.Claims["region"]);
    }

    [Fact]
    public void An_unknown_role_is_refused() =>
        Assert.Throws<ArgumentException>(() => TokenMinter.Mint("x", "superuser", "u", "320100"));
}
