using System.Text.Json;

namespace Coordination.Cli.Oidc;

/// <summary>What the device authorization endpoint hands out: a code to poll with and what to show the person.</summary>
public sealed record DeviceAuthorization(
    string DeviceCode, string UserCode, Uri VerificationUri, Uri? VerificationUriComplete, TimeSpan ExpiresIn, TimeSpan Interval);

/// <summary>
/// The device authorization grant (RFC 8628): the person signs in with a browser anywhere, so coord never sees a
/// password. Waiting is a parameter so that tests run the polling without sleeping.
/// </summary>
public sealed class DeviceFlow(OidcClient client)
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";
    // RFC 8628 §3.5: slow_down adds 5 seconds to the interval for this and all later requests.
    public static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    public async Task<DeviceAuthorization> StartAsync(CancellationToken ct)
    {
        var endpoint = client.Endpoints.DeviceAuthorizationEndpoint
            ?? throw new OidcException("unsupported_grant_type", "the Directory offers no device authorization endpoint");
        var root = await client.PostAsync(endpoint, new() { ["scope"] = OidcClient.Scope }, ct);
        string Required(string name) => OidcClient.Text(root, name) ?? throw new OidcException("invalid_response", $"the device answer has no {name}");
        var complete = OidcClient.Text(root, "verification_uri_complete");
        return new DeviceAuthorization(
            Required("device_code"), Required("user_code"), new Uri(Required("verification_uri")), complete is null ? null : new Uri(complete),
            TimeSpan.FromSeconds(Seconds(root, "expires_in") ?? 600),
            TimeSpan.FromSeconds(Seconds(root, "interval") ?? 5)); // §3.2: 5 seconds when the server does not say
    }

    /// <summary>Polls the token endpoint until the person approves, refuses, or the code expires.</summary>
    public async Task<TokenResponse> PollAsync(DeviceAuthorization authorization, Func<TimeSpan, CancellationToken, Task> wait, CancellationToken ct)
    {
        var interval = authorization.Interval;
        var waited = TimeSpan.Zero;
        while (true)
        {
            // Our own limit too, in case the server never says expired_token.
            if (waited >= authorization.ExpiresIn)
                throw new OidcException("expired_token", "the sign-in code expired before it was approved; run coord login again");
            await wait(interval, ct);
            waited += interval;
            try
            {
                return await client.TokenAsync(new() { ["grant_type"] = GrantType, ["device_code"] = authorization.DeviceCode }, ct);
            }
            catch (OidcException ex) when (ex.Error == "authorization_pending")
            {
            }
            catch (OidcException ex) when (ex.Error == "slow_down")
            {
                interval += SlowDownStep;
            }
            catch (OidcException ex) when (ex.Error == "expired_token")
            {
                throw new OidcException(ex.Error, "the sign-in code expired before it was approved; run coord login again");
            }
            catch (OidcException ex) when (ex.Error == "access_denied")
            {
                throw new OidcException(ex.Error, "the sign-in was refused in the browser");
            }
        }
    }

    private static int? Seconds(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.TryGetInt32(out var s) && s > 0 ? s : null;
}
