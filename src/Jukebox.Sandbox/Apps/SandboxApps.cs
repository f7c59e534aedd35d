using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Jukebox.Sandbox.Apps;

/// <summary>
/// Developer apps for tests that have no browser: the dashboard's rules (<see cref="DeveloperApps"/>),
/// every one checked before anything is written, and each change in one transaction, so a refused
/// request leaves nothing behind.
/// </summary>
public sealed class SandboxApps(
    DeveloperApps apps, JukeboxDbContext db, IOpenIddictApplicationManager registrations, AppAccess access,
    IOptions<DemoOptions> demo, IOptions<AppsOptions> options, TimeProvider clock)
{
    public async Task<SandboxAppObject> CreateAsync(SandboxAppRequest body, CancellationToken ct)
    {
        var settings = new Settings(
            body.Name ?? throw SpotifyException.BadRequest("name is required"), body.Description ?? "", body.Website,
            body.RedirectUris ?? [], body.QuotaMode ?? QuotaModes.Development, body.ApiProfile ?? options.Value.DefaultProfile,
            body.Allowlist ?? []);
        var owner = body.Owner ?? demo.Value.UserId;
        await CheckAsync(settings, checkAllowlist: true, ct);
        if (!await db.Users.AnyAsync(u => u.Id == owner, ct))
        {
            throw SpotifyException.BadRequest($"No such user: {owner}");
        }

        string clientId, secret;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (clientId, secret) = await apps.CreateAsync(owner, settings.Name, settings.Description, settings.Website, settings.RedirectUris, ct);
            var app = await db.DeveloperApps.Include(a => a.Users).SingleAsync(a => a.ClientId == clientId, ct);
            Apply(app, settings);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return (await FindAsync(clientId, ct))! with { ClientSecret = secret };
    }

    /// <summary>Every app: one read of the apps, one pass over the OAuth registrations.</summary>
    public async Task<IReadOnlyList<SandboxAppObject>> ListAsync(CancellationToken ct)
    {
        var apps = await db.DeveloperApps.AsNoTracking().Include(a => a.Users)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.ClientId).ToListAsync(ct);
        var redirectUris = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await foreach (var registration in registrations.ListAsync(count: null, offset: null, ct))
        {
            if (await registrations.GetClientIdAsync(registration, ct) is { } clientId)
            {
                redirectUris[clientId] = [.. await registrations.GetRedirectUrisAsync(registration, ct)];
            }
        }
        return [.. apps.Where(a => redirectUris.ContainsKey(a.ClientId)).Select(a => ObjectOf(a, redirectUris[a.ClientId]))];
    }

    public async Task<SandboxAppObject?> FindAsync(string clientId, CancellationToken ct)
    {
        var app = await db.DeveloperApps.AsNoTracking().Include(a => a.Users).FirstOrDefaultAsync(a => a.ClientId == clientId, ct);
        var registration = app is null ? null : await registrations.FindByClientIdAsync(clientId, ct);
        return app is null || registration is null ? null : ObjectOf(app, [.. await registrations.GetRedirectUrisAsync(registration, ct)]);
    }

    private static SandboxAppObject ObjectOf(DeveloperApp app, IReadOnlyList<string> redirectUris) => new(
        app.ClientId, app.Name, app.Description, app.Website, redirectUris, app.QuotaMode, app.ApiProfile, app.OwnerId,
        [.. app.Users.OrderBy(u => u.AddedAt).ThenBy(u => u.UserId, StringComparer.Ordinal).Select(u => u.UserId)], app.CreatedAt);

    public async Task<SandboxAppObject> UpdateAsync(string clientId, SandboxAppRequest body, CancellationToken ct)
    {
        var current = await FindAsync(clientId, ct) ?? throw SpotifyException.NotFound("No such app");
        if (body.Owner is not null && body.Owner != current.Owner)
        {
            throw SpotifyException.BadRequest("An app's owner cannot be changed");
        }
        var settings = new Settings(
            body.Name ?? current.Name, body.Description ?? current.Description, body.Website ?? current.Website,
            body.RedirectUris ?? current.RedirectUris, body.QuotaMode ?? current.QuotaMode, body.ApiProfile ?? current.ApiProfile,
            body.Allowlist ?? current.Allowlist);
        // Users already listed stay when a profile allows fewer, as Spotify let them stay; the cap is for a new list.
        await CheckAsync(settings, checkAllowlist: body.Allowlist is not null, ct);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await apps.UpdateAsync(current.Owner, clientId, settings.Name, settings.Description, settings.Website, settings.RedirectUris, ct);
            var app = await db.DeveloperApps.Include(a => a.Users).SingleAsync(a => a.ClientId == clientId, ct);
            Apply(app, settings);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        access.Forget(clientId);
        return (await FindAsync(clientId, ct))!;
    }

    public async Task<SandboxAppObject> RotateSecretAsync(string clientId, CancellationToken ct)
    {
        var current = await FindAsync(clientId, ct) ?? throw SpotifyException.NotFound("No such app");
        var secret = await apps.RotateSecretAsync(current.Owner, clientId, ct);
        return current with { ClientSecret = secret };
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken ct)
    {
        if (await FindAsync(clientId, ct) is not { } current)
        {
            return false;
        }
        await apps.DeleteAsync(current.Owner, clientId, ct);
        return true;
    }

    private sealed record Settings(
        string Name, string Description, string? Website, IReadOnlyList<string> RedirectUris, string QuotaMode, string ApiProfile,
        IReadOnlyList<string> Allowlist);

    private async Task CheckAsync(Settings settings, bool checkAllowlist, CancellationToken ct)
    {
        if (!ApiProfiles.All.Contains(settings.ApiProfile))
        {
            throw SpotifyException.BadRequest($"Unknown api_profile '{settings.ApiProfile}'; it is one of: {string.Join(", ", ApiProfiles.All)}");
        }
        try
        {
            DeveloperApps.ValidateDetails(settings.Name, settings.Description, settings.Website, settings.RedirectUris);
        }
        catch (AppRuleException e)
        {
            throw SpotifyException.BadRequest(e.Message);
        }
        if (settings.QuotaMode is not (QuotaModes.Development or QuotaModes.Extended))
        {
            throw SpotifyException.BadRequest("quota_mode is development or extended");
        }
        var allowlist = settings.Allowlist.Distinct(StringComparer.Ordinal).ToList();
        var limit = DeveloperApps.UserLimit(settings.ApiProfile);
        if (checkAllowlist && settings.QuotaMode == QuotaModes.Development && allowlist.Count > limit)
        {
            throw SpotifyException.BadRequest($"An app in development mode can have at most {limit} users");
        }
        var known = await db.Users.Where(u => allowlist.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (allowlist.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw SpotifyException.BadRequest($"No such user: {unknown}");
        }
    }

    private void Apply(DeveloperApp app, Settings settings)
    {
        app.QuotaMode = settings.QuotaMode;
        app.ApiProfile = settings.ApiProfile;
        var wanted = settings.Allowlist.Distinct(StringComparer.Ordinal).ToList();
        app.Users.RemoveAll(u => !wanted.Contains(u.UserId));
        var now = clock.GetUtcNow();
        foreach (var id in wanted.Where(id => app.Users.All(u => u.UserId != id)))
        {
            app.Users.Add(new DeveloperAppUser { ClientId = app.ClientId, UserId = id, AddedAt = now });
        }
    }
}
