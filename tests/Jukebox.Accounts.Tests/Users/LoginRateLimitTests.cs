using System.Net;
using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Users;

/// <summary>A server with the default cap on login attempts per client (the shared test server lifts it).</summary>
public sealed class LoginRateLimitServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:SignInAttemptsPerMinute", "10")];
}

public sealed class LoginRateLimitTests(LoginRateLimitServer server) : IClassFixture<LoginRateLimitServer>
{
    [Fact]
    public async Task Sixty_login_attempts_at_once_from_one_client_are_cut_to_about_ten_and_the_rest_get_429()
    {
        using var attacker = new AccountsBrowser(server, IPAddress.Parse("127.0.0.3"));

        var answers = await attacker.LogInAtOnceAsync(JukeboxTestServer.DemoUserId, "guess", 60);

        // Ten at once, and one more every six seconds should the machine be slow to send them all. The
        // page answers those (after five failures, also with 429: the client must wait for that account).
        var processed = answers.Where(a => a.Html.Contains("name=\"Password\"", StringComparison.Ordinal)).ToList();
        Assert.InRange(processed.Count, 10, 12);
        Assert.All(answers.Except(processed), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        using var refused = await attacker.Client.PostAsync("/login", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many failed attempts. Try again later.", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var someoneElse = new AccountsBrowser(server, IPAddress.Parse("127.0.0.4"));
        Assert.True(await someoneElse.TryLogInAsync(JukeboxTestServer.DemoUserId, JukeboxTestServer.DemoUserPassword));
    }
}
