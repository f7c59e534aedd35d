using System.Buffers.Binary;
using System.Collections.Concurrent;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Tests.Users;

/// <summary>
/// A wrong password costs the same work for a name that does not exist as for one that does, so the
/// time an answer takes does not tell which names exist: one verification of a hash of the same kind
/// and work factor either way. Counted rather than timed, so that a busy machine cannot decide it.
/// </summary>
public sealed class LoginTimingTests(LoginTimingTests.CountingServer server) : IClassFixture<LoginTimingTests.CountingServer>
{
    public sealed class CountingServer : JukeboxTestServer
    {
        public ConcurrentQueue<string> Verified { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddScoped<IPasswordHasher<User>>(_ => new CountingHasher(Verified));
    }

    private sealed class CountingHasher(ConcurrentQueue<string> verified) : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _hasher = new();

        public string HashPassword(User user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            verified.Enqueue(hashedPassword);
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_wrong_password_for_an_unknown_user_costs_one_verification_of_the_same_work_as_for_a_known_one()
    {
        await server.CreateUserAsync("timing-gus", "gus-password");
        using var browser = new AccountsBrowser(server);

        var known = await VerificationsDuringAsync(() => browser.TryLogInAsync("timing-gus", "wrong-password"));
        var unknown = await VerificationsDuringAsync(() => browser.TryLogInAsync("timing-nobody", "wrong-password"));

        Assert.Contains("Incorrect username or password.", browser.LastHtml);
        var knownHash = Assert.Single(known);
        var unknownHash = Assert.Single(unknown);
        Assert.Equal(WorkFactor(knownHash), WorkFactor(unknownHash));
    }

    private async Task<List<string>> VerificationsDuringAsync(Func<Task<bool>> attempt)
    {
        server.Verified.Clear();
        Assert.False(await attempt());
        return [.. server.Verified];
    }

    /// <summary>The format, pseudo-random function and iteration count a hash of ASP.NET Core Identity's v3 format records.</summary>
    private static (byte Format, uint Prf, uint Iterations) WorkFactor(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }
}
