using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Users;

/// <summary>The demo user's password follows the configuration at every start, on an existing database too.</summary>
public sealed class DemoUserRestartTests
{
    private sealed class ServerOn(TestDatabase database, string password) : JukeboxTestServer
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:UserPassword", password)];
    }

    [Fact]
    public async Task A_restart_with_another_demo_password_makes_it_the_one_that_logs_in()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new ServerOn(database, "first-password-1"))
        {
            await first.InitializeAsync();
            using var browser = new AccountsBrowser(first);
            Assert.True(await browser.TryLogInAsync(JukeboxTestServer.DemoUserEmail, "first-password-1"));
        }

        await using (var same = new ServerOn(database, "first-password-1"))
        {
            await same.InitializeAsync();
            using var browser = new AccountsBrowser(same);
            Assert.True(await browser.TryLogInAsync(JukeboxTestServer.DemoUserEmail, "first-password-1"));
        }

        await using var changed = new ServerOn(database, "second-password-2");
        await changed.InitializeAsync();
        using (var browser = new AccountsBrowser(changed))
        {
            Assert.False(await browser.TryLogInAsync(JukeboxTestServer.DemoUserEmail, "first-password-1"));
        }
        using (var browser = new AccountsBrowser(changed))
        {
            Assert.True(await browser.TryLogInAsync(JukeboxTestServer.DemoUserEmail, "second-password-2"));
        }
    }
}
