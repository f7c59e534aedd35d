using Jukebox.Accounts.Tokens;
using System.Security.Cryptography;
using Jukebox.Accounts.Authorization;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// A rule of the Apps or Quota modes pages that a change to an app would break. <see cref="Field"/>
/// names the setting at fault (a property of <see cref="AppFields"/>) when there is one, so that a
/// form can show the message next to it.
/// </summary>
public sealed class AppRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The settings of an app that its forms edit, as <see cref="AppRuleException.Field"/> names them.</summary>
public static class AppFields
{
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Website = "Website";
    public const string RedirectUris = "RedirectUris";
    public const string User = "User";
}

/// <summary>
/// Creating and managing developer apps: the OAuth registration through OpenIddict's application
/// manager (which hashes the secret) and Jukebox's own settings, changed together. Only the owner
/// may see or change an app.
/// </summary>
public sealed class DeveloperApps(
    IOpenIddictApplicationManager applications, JukeboxDbContext db, AppAccess access, AppRequestCounter requests, TimeProvider clock,
    IEnumerable<IExtensionGrant> extensionGrants, IOptions<AppsOptions> options)
{
    public sealed record Created(string ClientId, string ClientSecret);

    public async Task<Created> CreateAsync(string ownerId, string name, string description, string? website, IReadOnlyList<string> redirectUris, CancellationToken ct)
    {
        ValidateDetails(name, description, website, redirectUris);
        var clientId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = NewSecret();
        await applications.CreateAsync(Descriptor(clientId, secret, name, redirectUris), ct);
        var now = clock.GetUtcNow();
        db.DeveloperApps.Add(new DeveloperApp
        {
            ClientId = clientId, OwnerId = ownerId, Name = name, Description = description, Website = website,
            CreatedAt = now, SecretRotatedAt = now, ApiProfile = options.Value.DefaultProfile,
        });
        await db.SaveChangesAsync(ct);
        return new Created(clientId, secret);
    }

    public Task<List<DeveloperApp>> ListAsync(string ownerId, CancellationToken ct) =>
        db.DeveloperApps.AsNoTracking().Where(a => a.OwnerId == ownerId).OrderBy(a => a.Name).ToListAsync(ct);

    public async Task<(DeveloperApp App, IReadOnlyList<string> RedirectUris)?> FindAsync(string ownerId, string clientId, CancellationToken ct)
    {
        var app = await db.DeveloperApps.Include(a => a.Users).FirstOrDefaultAsync(a => a.ClientId == clientId && a.OwnerId == ownerId, ct);
        var registration = await applications.FindByClientIdAsync(clientId, ct);
        if (app is null || registration is null)
        {
            return null;
        }
        return (app, [.. await applications.GetRedirectUrisAsync(registration, ct)]);
    }

    public async Task UpdateAsync(string ownerId, string clientId, string name, string description, string? website, IReadOnlyList<string> redirectUris, CancellationToken ct)
    {
        ValidateDetails(name, description, website, redirectUris);
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        var registration = (await applications.FindByClientIdAsync(clientId, ct))!;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, registration, ct);
        descriptor.DisplayName = name;
        descriptor.RedirectUris.Clear();
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        await applications.UpdateAsync(registration, descriptor, ct);
        (app.Name, app.Description, app.Website) = (name, description, website);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new secret; the old one stops working at once.</summary>
    public async Task<string> RotateSecretAsync(string ownerId, string clientId, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        var registration = (await applications.FindByClientIdAsync(clientId, ct))!;
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, registration, ct);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(registration, descriptor, ct);
        app.SecretRotatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // Every node forgets the old secret it had verified.
        access.Forget(clientId);
        return secret;
    }

    public async Task DeleteAsync(string ownerId, string clientId, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        await applications.DeleteAsync((await applications.FindByClientIdAsync(clientId, ct))!, ct);
        db.DeveloperApps.Remove(app);
        await db.SaveChangesAsync(ct);
        await requests.DeleteAsync(db, clientId, ct);
        access.Forget(clientId);
    }

    public async Task SetQuotaModeAsync(string ownerId, string clientId, string mode, CancellationToken ct)
    {
        if (mode is not (QuotaModes.Development or QuotaModes.Extended))
        {
            throw new AppRuleException("The quota mode is development or extended.");
        }
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        app.QuotaMode = mode;
        await db.SaveChangesAsync(ct);
        access.Forget(clientId);
    }

    /// <summary>
    /// Serves the app under another regime of the Web API. Users already on its allowlist stay there when
    /// the new profile allows fewer (Spotify let them stay in Feb 2026); the cap applies to new ones.
    /// </summary>
    public async Task SetApiProfileAsync(string ownerId, string clientId, string profile, CancellationToken ct)
    {
        if (!ApiProfiles.All.Contains(profile))
        {
            throw new AppRuleException($"The API profile is one of: {string.Join(", ", ApiProfiles.All)}.");
        }
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        app.ApiProfile = profile;
        await db.SaveChangesAsync(ct);
        access.Forget(clientId);
    }

    /// <summary>How many users an app in development mode may list under the profile.</summary>
    public static int UserLimit(string profile) =>
        profile == ApiProfiles.Development2026 ? ApiProfiles.Development2026UserLimit : QuotaModes.DevelopmentUserLimit;

    /// <summary>Lets the app use response_type=token (only where the server allows the implicit grant at all).</summary>
    public async Task SetImplicitGrantAsync(string ownerId, string clientId, bool allowed, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        app.AllowImplicitGrant = allowed;
        await db.SaveChangesAsync(ct);
    }

    public async Task AllowUserAsync(string ownerId, string clientId, string userIdOrEmail, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        var normalized = userIdOrEmail.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userIdOrEmail.Trim() || u.NormalizedEmail == normalized, ct)
            ?? throw new AppRuleException("No user has that username or email address.", AppFields.User);
        if (app.Users.Any(u => u.UserId == user.Id))
        {
            return;
        }
        if (app.Users.Count >= UserLimit(app.ApiProfile))
        {
            throw new AppRuleException($"An app in development mode can have at most {UserLimit(app.ApiProfile)} users.", AppFields.User);
        }
        app.Users.Add(new DeveloperAppUser { ClientId = clientId, UserId = user.Id, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        access.Forget(clientId);
    }

    public sealed record AllowedUser(string Id, string DisplayName, string? Email, DateTimeOffset AddedAt);

    /// <summary>The users on an app's allowlist, in the order they were added.</summary>
    public async Task<IReadOnlyList<AllowedUser>> ListUsersAsync(string ownerId, string clientId, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        var ids = app.Users.Select(u => u.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return [.. app.Users.OrderBy(u => u.AddedAt).ThenBy(u => u.UserId, StringComparer.Ordinal)
            .Select(u => users.GetValueOrDefault(u.UserId) is { } user
                ? new AllowedUser(u.UserId, user.DisplayName, user.Email, u.AddedAt)
                : new AllowedUser(u.UserId, u.UserId, null, u.AddedAt))];
    }

    public async Task RemoveUserAsync(string ownerId, string clientId, string userId, CancellationToken ct)
    {
        var (app, _) = await FindAsync(ownerId, clientId, ct) ?? throw new AppRuleException("No such app.");
        app.Users.RemoveAll(u => u.UserId == userId);
        await db.SaveChangesAsync(ct);
        access.Forget(clientId);
    }

    /// <summary>The rules of an app's details (name, description, website, redirect URIs), as the Apps page states them.</summary>
    public static void ValidateDetails(string name, string description, string? website, IReadOnlyList<string> redirectUris)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AppRuleException("The app needs a name.", AppFields.Name);
        }
        if (name.Length > MaxNameLength)
        {
            throw new AppRuleException($"The app's name is at most {MaxNameLength} characters long.", AppFields.Name);
        }
        if (description.Length > MaxDescriptionLength)
        {
            throw new AppRuleException($"The description is at most {MaxDescriptionLength} characters long.", AppFields.Description);
        }
        if (!string.IsNullOrEmpty(website) &&
            !(Uri.TryCreate(website, UriKind.Absolute, out var site) && site.Scheme is "http" or "https"))
        {
            throw new AppRuleException("The website must be an http or https URL.", AppFields.Website);
        }
        foreach (var uri in redirectUris)
        {
            if (RedirectUriRules.Problem(uri) is { } problem)
            {
                throw new AppRuleException($"{uri}: {problem}", AppFields.RedirectUris);
            }
        }
    }

    private const int MaxNameLength = 100;
    private const int MaxDescriptionLength = 1000;

    private OpenIddictApplicationDescriptor Descriptor(string clientId, string secret, string name, IEnumerable<string> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
        };
        GrantSpotifyFlows(descriptor, extensionGrants);
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        return descriptor;
    }

    /// <summary>What every Jukebox app may do at the OAuth endpoints: the flows Spotify offers, and our extension grants.</summary>
    internal static void GrantSpotifyFlows(OpenIddictApplicationDescriptor descriptor, IEnumerable<IExtensionGrant> extensionGrants)
    {
        string[] permissions =
        [
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Authorization,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.GrantTypes.Implicit,
            Permissions.ResponseTypes.Code,
            Permissions.ResponseTypes.Token,
        ];
        descriptor.Permissions.UnionWith(permissions);
        descriptor.Permissions.UnionWith(extensionGrants.Select(grant => Permissions.Prefixes.GrantType + grant.GrantType));
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
