using System.Net;
using System.Text;
using Coordination.Cli;
using Coordination.Cli.Oidc;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.UnitTests;

public sealed class CliTokenStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "coord-tests-" + Guid.NewGuid().ToString("N"));
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Saved_tokens_load_back_as_they_were()
    {
        var store = new TokenStore(_root);
        var tokens = new StoredTokens("http://127.0.0.1:5206/", "access.jwt.sig", "refresh-1", Noon);
        store.Save("default", tokens);
        Assert.Equal(tokens, store.Load("default"));
    }

    [Fact]
    public void The_token_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var store = new TokenStore(_root);
        store.Save("default", new StoredTokens("d", "a", "r", Noon));
        store.Save("default", new StoredTokens("d", "a2", "r2", Noon)); // replacing keeps the mode too
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf("default")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_root));
    }

    [Fact]
    public void Each_profile_keeps_its_own_tokens_and_logging_one_out_leaves_the_others()
    {
        var store = new TokenStore(_root);
        store.Save("clerk", new StoredTokens("d", "clerk-token", "r1", Noon));
        store.Save("dept", new StoredTokens("d", "dept-token", "r2", Noon));
        Assert.Equal("clerk-token", store.Load("clerk")!.AccessToken);
        Assert.Equal("dept-token", store.Load("dept")!.AccessToken);
        Assert.True(store.Delete("clerk"));
        Assert.Null(store.Load("clerk"));
        Assert.Equal("dept-token", store.Load("dept")!.AccessToken);
        Assert.False(store.Delete("clerk"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void A_profile_name_that_is_not_a_plain_file_name_is_refused(string profile) =>
        Assert.Throws<UsageException>(() => new TokenStore(_root).PathOf(profile));
}

public sealed class CliSessionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "coord-tests-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(-10, true)] // expired
    [InlineData(0, true)]
    [InlineData(30, true)] // would expire on the way
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(3600, false)]
    public void A_token_is_refreshed_when_it_has_expired_or_expires_within_a_minute(int secondsLeft, bool refresh) =>
        Assert.Equal(refresh, Session.NeedsRefresh(_time.GetUtcNow().AddSeconds(secondsLeft), _time.GetUtcNow()));

    [Fact]
    public async Task A_token_far_from_expiry_is_used_without_asking_the_Directory()
    {
        var store = new TokenStore(_root);
        store.Save("default", new StoredTokens("http://dir/", "still-good", "r", _time.GetUtcNow().AddMinutes(30)));
        var directory = new FakeDirectory();
        Assert.Equal("still-good", await new Session(store, "default", directory.Client(), _time).AccessTokenAsync(CancellationToken.None));
        Assert.Empty(directory.Requests);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_and_the_new_tokens_are_saved()
    {
        var store = new TokenStore(_root);
        store.Save("default", new StoredTokens("http://dir/", "old", "refresh-1", _time.GetUtcNow().AddSeconds(20)));
        var directory = new FakeDirectory();
        directory.Answer(HttpStatusCode.OK, """{"access_token":"new","refresh_token":"refresh-2","expires_in":3600,"token_type":"Bearer"}""");

        Assert.Equal("new", await new Session(store, "default", directory.Client(), _time).AccessTokenAsync(CancellationToken.None));

        Assert.Contains("grant_type=refresh_token", directory.Requests.Single());
        Assert.Contains("refresh_token=refresh-1", directory.Requests.Single());
        Assert.Equal(new StoredTokens("http://dir/", "new", "refresh-2", _time.GetUtcNow().AddHours(1)), store.Load("default"));
    }

    [Fact]
    public async Task A_refused_refresh_tells_to_sign_in_again()
    {
        var store = new TokenStore(_root);
        store.Save("dept", new StoredTokens("http://dir/", "old", "refresh-1", _time.GetUtcNow().AddSeconds(-5)));
        var directory = new FakeDirectory();
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The account is deactivated."}""");

        var ex = await Assert.ThrowsAsync<SignInRequiredException>(() =>
            new Session(store, "dept", directory.Client(), _time).AccessTokenAsync(CancellationToken.None));
        Assert.Contains("The account is deactivated.", ex.Message);
        Assert.Contains("coord --profile dept login", ex.Message);
    }

    [Fact]
    public async Task Without_stored_tokens_a_command_tells_to_sign_in()
    {
        var ex = await Assert.ThrowsAsync<SignInRequiredException>(() =>
            new Session(new TokenStore(_root), "default", new FakeDirectory().Client(), _time).AccessTokenAsync(CancellationToken.None));
        Assert.Contains("coord login", ex.Message);
    }
}

public sealed class CliDeviceFlowTests
{
    private static readonly DeviceAuthorization Code =
        new("device-123", "WDJB-MJHT", new Uri("http://dir/connect/verify"), null, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Polling_waits_while_pending_slows_down_when_told_and_returns_the_tokens()
    {
        var directory = new FakeDirectory();
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""");
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"slow_down"}""");
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""");
        directory.Answer(HttpStatusCode.OK, """{"access_token":"a","refresh_token":"r","expires_in":3600}""");
        var waits = new List<TimeSpan>();

        var tokens = await new DeviceFlow(directory.OidcClient()).PollAsync(Code, Recording(waits), CancellationToken.None);

        Assert.Equal(new TokenResponse("a", "r", TimeSpan.FromHours(1)), tokens);
        Assert.Equal([5, 5, 10, 10], waits.Select(w => w.TotalSeconds));
        Assert.All(directory.Requests, form =>
        {
            Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code", form);
            Assert.Contains("device_code=device-123", form);
            Assert.Contains("client_id=coordination-cli", form);
        });
    }

    [Theory]
    [InlineData("expired_token")]
    [InlineData("access_denied")]
    public async Task An_expired_or_refused_code_ends_the_polling_with_its_error(string error)
    {
        var directory = new FakeDirectory();
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""");
        directory.Answer(HttpStatusCode.BadRequest, $$"""{"error":"{{error}}"}""");

        var ex = await Assert.ThrowsAsync<OidcException>(() =>
            new DeviceFlow(directory.OidcClient()).PollAsync(Code, Recording([]), CancellationToken.None));
        Assert.Equal(error, ex.Error);
        Assert.Equal(2, directory.Requests.Count);
    }

    [Fact]
    public async Task Polling_stops_by_itself_once_the_code_has_expired_even_if_the_server_never_says_so()
    {
        var directory = new FakeDirectory();
        for (var i = 0; i < 10; i++) directory.Answer(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""");
        var shortLived = Code with { ExpiresIn = TimeSpan.FromSeconds(15) };

        var ex = await Assert.ThrowsAsync<OidcException>(() =>
            new DeviceFlow(directory.OidcClient()).PollAsync(shortLived, Recording([]), CancellationToken.None));
        Assert.Equal("expired_token", ex.Error);
        Assert.Equal(3, directory.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_Directory_s_description()
    {
        var directory = new FakeDirectory();
        directory.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The username/password couple is invalid."}""");

        var ex = await Assert.ThrowsAsync<OidcException>(() => directory.OidcClient().PasswordAsync("clerk.nanjing", "wrong", CancellationToken.None));
        Assert.Equal("invalid_grant", ex.Error);
        Assert.Equal("The username/password couple is invalid.", ex.Message);
        Assert.Contains("grant_type=password", directory.Requests.Single());
        Assert.Contains("scope=openid+offline_access", directory.Requests.Single());
    }

    private static Func<TimeSpan, CancellationToken, Task> Recording(List<TimeSpan> waits) =>
        (interval, _) => { waits.Add(interval); return Task.CompletedTask; };
}

/// <summary>A Directory in memory: answers discovery itself, and the token endpoint from a queue; records each token request's form.</summary>
internal sealed class FakeDirectory : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Json)> _answers = new();
    public List<string> Requests { get; } = [];

    public void Answer(HttpStatusCode status, string json) => _answers.Enqueue((status, json));

    public HttpClient Client() => new(this);

    public OidcClient OidcClient() =>
        new(Client(), new DirectoryEndpoints(new Uri("http://dir/connect/token"), new Uri("http://dir/connect/device")));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri!.AbsolutePath == "/.well-known/openid-configuration")
            return Json(HttpStatusCode.OK, """{"token_endpoint":"http://dir/connect/token","device_authorization_endpoint":"http://dir/connect/device"}""");
        Requests.Add(await request.Content!.ReadAsStringAsync(ct));
        var (status, json) = _answers.Dequeue();
        return Json(status, json);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
