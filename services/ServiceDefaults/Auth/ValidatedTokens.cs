using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.ServiceDefaults.Auth;

/// <summary>
/// Checks a token's signature once, not on every call (issue 15: a console or a client sends the same token for its whole
/// lifetime, and the RSA check showed in every service's profile). A token that passed is remembered for at most
/// <see cref="Remembered"/> and never past its expiry; a failed one is never remembered; each call gets its own copy of
/// the identity. The deactivation check (<c>OnTokenValidated</c>) still runs on every call. The bearer handler clones
/// its validation parameters for every request, so they are not part of the key: one handler serves one scheme, and a
/// signing key the Directory withdraws stops a remembered token within <see cref="Remembered"/>.
/// </summary>
public sealed class ValidatedTokens : JsonWebTokenHandler
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _passed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ValidatedTokens(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_passed.TryGetValue(token, out var entry) && now < entry.Until)
            return Copy(entry.Result);
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid || result.SecurityToken is not { } securityToken) return result;
        var until = now + Remembered;
        if (securityToken.ValidTo != DateTime.MinValue && securityToken.ValidTo < until) until = securityToken.ValidTo;
        if (_passed.Count >= Capacity) _passed.Clear();
        _passed[token] = new Entry(result, until);
        return Copy(result);
    }

    private static TokenValidationResult Copy(TokenValidationResult passed) => new()
    {
        IsValid = true,
        ClaimsIdentity = passed.ClaimsIdentity.Clone(),
        SecurityToken = passed.SecurityToken,
        Issuer = passed.Issuer,
        TokenType = passed.TokenType,
        TokenContext = passed.TokenContext,
    };

    private sealed record Entry(TokenValidationResult Result, DateTime Until);
}
