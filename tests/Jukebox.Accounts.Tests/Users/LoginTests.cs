using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Users;

public sealed class LoginTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
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
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_even_for_the_right_password()
    {
        await server.CreateUserAsync("login-erin", "erin-password");
        using var browser = new AccountsBrowser(server);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await browser.TryLogInAsync("login-erin", $"wrong-{i}"));
        }

        Assert.False(await browser.TryLogInAsync("login-erin", "erin-password"));
        Assert.Contains("Too many failed attempts", browser.LastHtml);
        server.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await browser.TryLogInAsync("login-erin", "erin-password"));
    }
}
