using System.Net;
using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Users;

public sealed class LoginTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly IPAddress Elsewhere = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Users_log_in_with_their_email_or_their_username()
    {
        await server.CreateUserAsync("login-carol", "carol-password");
        using var byName = new AccountsBrowser(server);
        using var byEmail = new AccountsBrowser(server);

        Assert.True(await byName.TryLogInAsync("login-carol", "carol-password"));
        Assert.True(await byEmail.TryLogInAsync("LOGIN-CAROL@example.test", "carol-password"));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error()
    {
        await server.CreateUserAsync("login-dave", "dave-password");
        using var browser = new AccountsBrowser(server);

        Assert.False(await browser.TryLogInAsync("login-dave", "not-it"));
        Assert.Contains("Incorrect username or password.", browser.LastHtml);
    }

    [Fact]
    public async Task After_five_failures_that_client_waits_a_minute_then_twice_as_long_after_each_further_failure()
    {
        await server.CreateUserAsync("login-erin", "erin-password");
        using var browser = new AccountsBrowser(server);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await browser.TryLogInAsync("login-erin", $"wrong-{i}"));
            Assert.Contains("Incorrect username or password.", browser.LastHtml);
        }

        Assert.False(await browser.TryLogInAsync("login-erin", "erin-password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, browser.LastStatus);
        Assert.Contains("Too many failed attempts. Try again later.", browser.LastHtml);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await browser.TryLogInAsync("login-erin", "wrong-again"));
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await browser.TryLogInAsync("login-erin", "erin-password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, browser.LastStatus);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await browser.TryLogInAsync("login-erin", "erin-password"));
    }

    [Fact]
    public async Task Failures_from_another_client_do_not_keep_the_owner_out()
    {
        await server.CreateUserAsync("login-fay", "fay-password");
        using var attacker = new AccountsBrowser(server, Elsewhere);
        for (var i = 0; i < 8; i++)
        {
            Assert.False(await attacker.TryLogInAsync("login-fay", $"guess-{i}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, attacker.LastStatus);
        using var owner = new AccountsBrowser(server);

        Assert.True(await owner.TryLogInAsync("login-fay", "fay-password"));
    }
}
