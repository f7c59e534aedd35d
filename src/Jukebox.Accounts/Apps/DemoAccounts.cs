using Jukebox.Accounts.Tokens;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// Creates the demo developer app and the demo user, or brings them in line with configuration, so a
/// fresh server can be used at once and scripts can rely on fixed values.
/// </summary>
public sealed class DemoAccounts(
    IOpenIddictApplicationManager applications,
    JukeboxDbContext db,
    IPasswordHasher<User> hasher,
    TimeProvider clock,
    IOptions<DemoOptions> options,
    IEnumerable<IExtensionGrant> extensionGrants,
    DemoPasswordHash passwordHash,
    VerifiedSecrets verifiedSecrets)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }
        // Read without tracking: at almost every start the user is there with the configured password, and
        // tracking the first entity of a type costs a start more than the query does. The password's check
        // is slow on purpose, as are hashing a new password and the app's secret: the password's runs
        // beside the secret's.
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == demo.UserId).ToListAsync(ct);
        var password = Task.Run(() => StoredPasswordHolds(stored, demo)
            ? null
            : passwordHash.For(demo.UserPassword, () => hasher.HashPassword(stored.FirstOrDefault() ?? NewUser(demo), demo.UserPassword)), ct);
        await EnsureAppAsync(demo, ct);
        await EnsureUserAsync(demo, await password, ct);
        await EnsureListeningAsync(demo, ct);
        if (!await db.DeveloperApps.AnyAsync(d => d.ClientId == demo.ClientId, ct))
        {
            var now = clock.GetUtcNow();
            db.DeveloperApps.Add(new DeveloperApp
            {
                ClientId = demo.ClientId,
                OwnerId = demo.UserId,
                Name = demo.AppName,
                Description = "The app Jukebox creates so that it can be tried at once.",
                QuotaMode = demo.QuotaMode,
                CreatedAt = now,
                SecretRotatedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task EnsureAppAsync(DemoOptions demo, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = demo.ClientId,
            ClientSecret = demo.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = demo.AppName,
            RedirectUris = { new Uri(demo.RedirectUri) },
        };
        DeveloperApps.GrantSpotifyFlows(descriptor, extensionGrants);
        var generation = verifiedSecrets.Generation(demo.ClientId);
        var existing = await applications.FindByClientIdAsync(demo.ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            // Configuration wins: a changed secret, redirect URI or permission applies at the next start.
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        // The stored secret is now the configured one: the first token request need not hash it again.
        verifiedSecrets.Remember(demo.ClientId, demo.ClientSecret, generation);
    }

    /// <summary>Devices and a listening history for a demo user who has neither (a new database).</summary>
    private async Task EnsureListeningAsync(DemoOptions demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.PlayerDevices.AnyAsync(d => d.UserId == demo.UserId, ct))
        {
            db.PlayerDevices.AddRange(DemoListening.Devices(demo.UserId, now));
        }
        if (!await db.PlayHistory.AnyAsync(h => h.UserId == demo.UserId, ct))
        {
            var tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.Id).Take(3000)
                .Select(t => new DemoListening.PlayableTrack(t.Id, t.AlbumId, t.DurationMs)).ToListAsync(ct);
            // Hundreds of rows: written as the seeded catalog is, not a statement each (a new data folder's start waits for them).
            await BulkInsert.InsertAsync(db, DemoListening.History(demo.UserId, now, tracks), ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private User NewUser(DemoOptions demo) => new()
    {
        Id = demo.UserId,
        DisplayName = demo.UserDisplayName,
        Email = demo.UserEmail,
        NormalizedEmail = demo.UserEmail.ToUpperInvariant(),
        Country = demo.UserCountry,
        Product = "premium",
        CreatedAt = clock.GetUtcNow(),
    };

    private bool StoredPasswordHolds(List<User> stored, DemoOptions demo)
    {
        if (stored is [{ PasswordHash: { } hash } found]
            && hasher.VerifyHashedPassword(found, hash, demo.UserPassword) != PasswordVerificationResult.Failed)
        {
            passwordHash.Remember(demo.UserPassword, hash);
            return true;
        }
        return false;
    }

    /// <param name="newHash">The configured password's hash when the stored one does not hold it (or there is no user); null when it does.</param>
    private async Task EnsureUserAsync(DemoOptions demo, string? newHash, CancellationToken ct)
    {
        if (newHash is null)
        {
            return;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == demo.UserId, ct);
        if (user is null)
        {
            user = NewUser(demo);
            user.PasswordHash = newHash;
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            await DemoLibrary.SeedAsync(db, user.Id, clock.GetUtcNow(), ct);
        }
        else
        {
            user.PasswordHash = newHash;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// A hash of the configured demo password, made once per process: hashing is slow on purpose, and a
/// sandbox reset creates the demo user again (a hash is salted, not tied to the user it was made for).
/// </summary>
public sealed class DemoPasswordHash
{
    private Known? _known;

    public string For(string password, Func<string> hash)
    {
        if (_known is { } known && known.Password == password)
        {
            return known.Hash;
        }
        var made = hash();
        Remember(password, made);
        return made;
    }

    public void Remember(string password, string hash) => _known = new Known(password, hash);

    private sealed record Known(string Password, string Hash);
}
