using System.Security.Claims;
using System.Security.Cryptography;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Accounts.Users;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>No such user, no password, or the wrong one: the same answer, so names cannot be probed.</summary>
    WrongCredentials,

    /// <summary>This client failed too often for this name and must wait (<see cref="SignInThrottle"/>).</summary>
    MustWait,
}

/// <param name="Session">When signed in: the principal of the session cookie.</param>
/// <param name="RetryAfter">When told to wait: for how long.</param>
public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Session = null, TimeSpan RetryAfter = default);

/// <summary>
/// A user signing in to the accounts pages with an email address or user name and a password.
/// Every attempt that gets as far as a password costs one password verification, whether the user
/// exists or not, so that the time an answer takes does not tell which names exist.
/// </summary>
public sealed class SignIn(JukeboxDbContext db, IPasswordHasher<User> hasher, SignInThrottle throttle)
{
    private static readonly User Nobody = new() { Id = "", DisplayName = "", Country = "", Product = "" };
    private static string? _dummyHash;

    public async Task<SignInResult> TryAsync(string? login, string? password, string client, CancellationToken ct)
    {
        login = login?.Trim() ?? "";
        if (throttle.WaitFor(client, login) is var wait && wait > TimeSpan.Zero)
        {
            return new SignInResult(SignInOutcome.MustWait, RetryAfter: wait);
        }
        var normalized = login.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.Id == login, ct);
        if (!Verify(user, password ?? ""))
        {
            throttle.Failed(client, login);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        throttle.Succeeded(client, login);
        var identity = new ClaimsIdentity([new Claim("sub", user!.Id), new Claim("name", user.DisplayName)], AccountsSetup.SessionScheme, "name", "role");
        return new SignInResult(SignInOutcome.SignedIn, new ClaimsPrincipal(identity));
    }

    private bool Verify(User? user, string password)
    {
        if (user?.PasswordHash is { } hash)
        {
            return hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
        }
        // A hash of a random password, made by the same hasher with the same work factor, verified and
        // thrown away: as slow as a real check, and nothing matches it.
        _dummyHash ??= hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
        return false;
    }
}
