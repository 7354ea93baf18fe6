using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Coordination.Contracts.Directory;
using Coordination.Grpc.Directory;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_people_sign_in(SystemFixture system) : IDisposable
{
    private const string Password = "Test-Passw0rd-long";
    private readonly DirectorySignIn _directory = new(system);

    public static TheoryData<string, string, string, string> People => new()
    {
        { Roles.Clerk, "nanjing-petition-bureau", "320100", "" },
        { Roles.Department, "xuanwu-housing-office", "320102", "" },
        { Roles.Committee, "nanjing-political-legal-committee", "320100", "" },
        { Roles.Institution, "xuanwu-court", "320102", "" },
        { Roles.Bureau, "nanjing-petition-bureau", "320100", "" },
        { Roles.Leader, "nanjing-gov", "320100", "副市长" },
        { Roles.Administrator, "jiangsu-petition-bureau", "320000", "" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task The_password_grant_gives_a_jwt_with_role_unit_and_region(string role, string unit, string region, string title)
    {
        var login = await _directory.NewPersonAsync(role, unit, Password, title);
        var token = await _directory.ValidateAsync(await _directory.AccessTokenAsync(login, Password));
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(login, token.Subject);
        Assert.Equal("测试用户", token.GetClaim("name").Value);
        Assert.Equal(role, token.GetClaim("role").Value);
        Assert.Equal(unit, token.GetClaim("unit").Value);
        Assert.Equal(region, token.GetClaim("region").Value);
        Assert.Equal(title, token.TryGetClaim("leader_title", out var t) ? t.Value : "");
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task The_console_signs_in_with_a_code_and_pkce_and_a_wrong_verifier_is_refused()
    {
        var login = await _directory.NewPersonAsync(Roles.Bureau, "nanjing-petition-bureau", Password);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?client_id=coordination-console&response_type=code&scope=openid%20profile%20offline_access%20coordination" +
            $"&redirect_uri={Uri.EscapeDataString(DirectorySignIn.ConsoleRedirect)}&state=s1&code_challenge={challenge}&code_challenge_method=S256";

        var toLogin = await _directory.Http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/account/login", toLogin.Headers.Location!.PathAndQuery);
        var signedIn = await _directory.LoginFormAsync(login, Password, HttpUtility.ParseQueryString(toLogin.Headers.Location!.Query)["ReturnUrl"]!);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var toClient = await _directory.Http.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        Assert.StartsWith(DirectorySignIn.ConsoleRedirect, toClient.Headers.Location!.ToString());
        var query = HttpUtility.ParseQueryString(toClient.Headers.Location!.Query);
        Assert.Equal("s1", query["state"]);

        (string, string)[] Exchange(string v) => [("grant_type", "authorization_code"), ("client_id", DirectorySignIn.Console), ("code", query["code"]!),
            ("redirect_uri", DirectorySignIn.ConsoleRedirect), ("code_verifier", v)];
        var forged = await _directory.TokenAsync(Exchange(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("invalid_grant", (await DirectorySignIn.JsonAsync(forged)).GetProperty("error").GetString());

        var (_, fresh) = await FreshCodeAsync(authorize);
        var tokens = await DirectorySignIn.JsonAsync(await _directory.TokenAsync(
            [("grant_type", "authorization_code"), ("client_id", DirectorySignIn.Console), ("code", fresh), ("redirect_uri", DirectorySignIn.ConsoleRedirect), ("code_verifier", verifier)]));
        var token = await _directory.ValidateAsync(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(login, token.Subject);
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Prompt_login_asks_for_the_password_again_while_the_directory_session_lasts()
    {
        var login = await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)))));
        var authorize = "/connect/authorize?client_id=coordination-console&response_type=code&scope=openid%20coordination" +
            $"&redirect_uri={Uri.EscapeDataString(DirectorySignIn.ConsoleRedirect)}&state=s2&code_challenge={challenge}&code_challenge_method=S256";
        var toLogin = await _directory.Http.GetAsync(authorize);
        await _directory.LoginFormAsync(login, Password, HttpUtility.ParseQueryString(toLogin.Headers.Location!.Query)["ReturnUrl"]!);
        var (_, code) = await FreshCodeAsync(authorize);
        Assert.False(string.IsNullOrEmpty(code)); // signed in: no password asked

        // The console's session ended: it asks with prompt=login, and the Directory sends the person to the login page.
        var again = await _directory.Http.GetAsync(authorize + "&prompt=login");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login", again.Headers.Location!.PathAndQuery);
        var returnUrl = HttpUtility.ParseQueryString(again.Headers.Location!.Query)["ReturnUrl"]!;
        Assert.DoesNotContain("prompt", returnUrl);
        // Its own session ended with it: the plain request goes to the login page too until the password is typed.
        Assert.StartsWith("/account/login", (await _directory.Http.GetAsync(authorize)).Headers.Location!.PathAndQuery);
        var signedIn = await _directory.LoginFormAsync(login, Password, returnUrl);
        var toClient = await _directory.Http.GetAsync(signedIn.Headers.Location);
        Assert.StartsWith(DirectorySignIn.ConsoleRedirect, toClient.Headers.Location!.ToString());
        Assert.Equal("s2", HttpUtility.ParseQueryString(toClient.Headers.Location!.Query)["state"]);
    }

    /// <summary>The session cookie is already there: authorize answers with a code straight away.</summary>
    private async Task<(HttpResponseMessage, string)> FreshCodeAsync(string authorize)
    {
        var response = await _directory.Http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!);
    }

    [Fact]
    public async Task The_command_line_signs_in_with_a_device_code()
    {
        var login = await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        var device = await DirectorySignIn.JsonAsync(await _directory.Http.PostAsync("connect/device",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = DirectorySignIn.Cli, ["scope"] = DirectorySignIn.Scopes })));
        var deviceCode = device.GetProperty("device_code").GetString()!;
        var userCode = device.GetProperty("user_code").GetString()!;
        (string, string)[] poll = [("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", DirectorySignIn.Cli), ("device_code", deviceCode)];
        Assert.Equal("authorization_pending", (await DirectorySignIn.JsonAsync(await _directory.TokenAsync(poll))).GetProperty("error").GetString());

        var verify = "/connect/verify?user_code=" + Uri.EscapeDataString(userCode);
        var signedIn = await _directory.LoginFormAsync(login, Password, verify);
        Assert.Equal(verify, signedIn.Headers.Location!.OriginalString);
        var page = await _directory.Http.GetStringAsync(verify);
        Assert.Contains("确认授权", page);
        var confirmed = await _directory.Http.PostAsync("connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DirectorySignIn.AntiforgeryToken(page), ["user_code"] = userCode, ["decision"] = "accept",
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/connect/verified", confirmed.Headers.Location!.OriginalString);

        var tokens = await DirectorySignIn.JsonAsync(await _directory.TokenAsync(poll));
        Assert.Equal(login, (await _directory.ValidateAsync(tokens.GetProperty("access_token").GetString()!)).Subject);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        var login = await _directory.NewPersonAsync(Roles.Committee, "nanjing-political-legal-committee", Password);
        var first = await DirectorySignIn.JsonAsync(await _directory.PasswordAsync(login, Password));
        var refreshed = await _directory.RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = await _directory.ValidateAsync((await DirectorySignIn.JsonAsync(refreshed)).GetProperty("access_token").GetString()!);
        Assert.Equal("320100", token.GetClaim("region").Value);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var login = await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, (await _directory.PasswordAsync(login, "wrong-password-" + i)).StatusCode);
        var refused = await DirectorySignIn.JsonAsync(await _directory.PasswordAsync(login, Password));
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
        Assert.Contains("locked", refused.GetProperty("error_description").GetString());

        var page = await (await _directory.LoginFormAsync(login, Password, "/")).Content.ReadAsStringAsync();
        Assert.Contains("账户已锁定", page);
    }

    [Fact]
    public async Task A_wrong_password_on_the_login_page_says_so_in_chinese()
    {
        var login = await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        var response = await _directory.LoginFormAsync(login, "not-the-password", "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deactivated_person_gets_no_token_and_their_old_token_is_refused()
    {
        var login = await _directory.NewPersonAsync(Roles.Department, "xuanwu-housing-office", Password);
        var tokens = await DirectorySignIn.JsonAsync(await _directory.PasswordAsync(login, Password));
        var old = DirectorySignIn.Bearer(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(login, (await _directory.Api.WhoAmIAsync(new WhoAmIRequest(), old)).Subject);

        var probe = new PublishProbe();
        using var observing = system.Directory.App.Services.GetRequiredService<IBus>().ConnectPublishObserver(probe);
        await _directory.Api.DeactivatePersonAsync(new DeactivatePersonRequest { Login = login }, await _directory.AdministratorAsync());

        Assert.Equal("invalid_grant", (await DirectorySignIn.JsonAsync(await _directory.PasswordAsync(login, Password))).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await DirectorySignIn.JsonAsync(await _directory.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!)))
            .GetProperty("error").GetString());
        await CaseFlow.Refused(() => _directory.Api.WhoAmIAsync(new WhoAmIRequest(), old).ResponseAsync, global::Grpc.Core.StatusCode.Unauthenticated);
        var published = await Eventually.UntilAsync(() => Task.FromResult(probe.Of<PersonDeactivated>().Where(m => m.Subject == login).ToList()),
            m => m.Count > 0, $"PersonDeactivated for {login}");
        Assert.Equal("xuanwu-housing-office", Assert.Single(published).UnitCode);
        Assert.Contains("账户已停用", await (await _directory.LoginFormAsync(login, Password, "/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_service_signs_in_with_client_credentials()
    {
        var response = await _directory.TokenAsync(("grant_type", "client_credentials"), ("client_id", "coordination-tests"),
            ("client_secret", system.DirectoryServiceSecret), ("scope", "coordination"));
        var token = await _directory.ValidateAsync((await DirectorySignIn.JsonAsync(response)).GetProperty("access_token").GetString()!);
        Assert.Equal("coordination-tests", token.Subject);
        Assert.Equal("service", token.GetClaim("role").Value);
        var wrong = await _directory.TokenAsync(("grant_type", "client_credentials"), ("client_id", "coordination-tests"), ("client_secret", "wrong"));
        Assert.Equal("invalid_client", (await DirectorySignIn.JsonAsync(wrong)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_changes_their_own_password()
    {
        var login = await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        var own = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(login, Password));
        await CaseFlow.Refused(() => _directory.Api.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = "not-it-at-all", NewPassword = "New-Passw0rd-long" },
            own).ResponseAsync, global::Grpc.Core.StatusCode.InvalidArgument, "current_password");
        await CaseFlow.Refused(() => _directory.Api.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = Password, NewPassword = "short" },
            own).ResponseAsync, global::Grpc.Core.StatusCode.InvalidArgument, "new_password");
        await _directory.Api.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = Password, NewPassword = "New-Passw0rd-long" }, own);
        Assert.Equal(HttpStatusCode.BadRequest, (await _directory.PasswordAsync(login, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _directory.PasswordAsync(login, "New-Passw0rd-long")).StatusCode);
    }

    public void Dispose() => _directory.Dispose();
}
