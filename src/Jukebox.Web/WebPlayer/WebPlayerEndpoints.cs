using Jukebox.Web;
using System.Text;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Player;
using Jukebox.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Web.WebPlayer;

/// <summary>
/// What the web player page (/player) talks to, with the signed-in user's cookie: a stream of
/// server-sent events that registers the page as a device while it is open and pushes the playback
/// state whenever it changes, and the page's own play/pause/next/previous buttons.
/// </summary>
public static class WebPlayerEndpoints
{
    /// <summary>The page's device disappears this long after its stream stops renewing it (a node that died).</summary>
    private static readonly TimeSpan DeviceLease = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    public static void MapWebPlayer(this IEndpointRouteBuilder app)
    {
        var player = app.MapGroup("/player").RequireAuthorization(WebSetup.DashboardPolicy);
        player.MapGet("/events", Events);
        player.MapGet("/state", State);
        player.MapPost("/commands/{command}", Command);
        player.MapGet("/audio/{trackId}", WebPlayerAudio.GetAsync);
    }

    private sealed record WebUser(string Id, string Country, string Product);

    private static async Task<WebUser> UserAsync(HttpContext context, JukeboxDbContext db)
    {
        var id = context.User.FindFirst("sub")?.Value;
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new WebUser(u.Id, u.Country, u.Product)).FirstOrDefaultAsync()
            ?? throw SpotifyException.Unauthorized("Unauthorized");
    }

    private static async Task Events(HttpContext context, IServiceScopeFactory scopes, IPlayerNotifier notifier, TimeProvider clock,
        IHostApplicationLifetime lifetime, DatabaseOutages outages)
    {
        // The stream ends when the page goes, and when the server stops (rather than holding up its shutdown).
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        WebUser user;
        string deviceId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            user = await UserAsync(context, db);
            var now = clock.GetUtcNow();
            var device = PlayerDevices.Create(user.Id, "Jukebox Web Player", "Computer", now, volumePercent: 100, expiresAt: now + DeviceLease);
            db.PlayerDevices.Add(device);
            await db.SaveChangesAsync(CancellationToken.None);
            deviceId = device.Id;
        }
        using var listener = notifier.Listen(user.Id);
        await notifier.PublishAsync(user.Id, CancellationToken.None);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var renewal = RenewAsync(scopes, clock, outages, deviceId, ct);
        try
        {
            await WriteEventAsync(context, "device", JsonSerializer.Serialize(deviceId, SpotifyJsonContext.Default.String), ct);
            do
            {
                await WriteEventAsync(context, "state", await StateJsonAsync(scopes, user, deviceId, ct), ct);
            }
            while (await listener.WaitAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed, or the server is stopping.
        }
        catch (IOException)
        {
            // The connection broke while an event was being written.
        }
        catch (Exception e) when (outages.Recognize(e))
        {
            // The database went away: the stream ends, and the page connects again.
        }
        finally
        {
            try
            {
                await RemoveDeviceAsync(scopes, notifier, user.Id, deviceId);
            }
            catch (Exception e) when (outages.Recognize(e))
            {
                // Its lease runs out instead.
            }
            try
            {
                await renewal;
            }
            catch (OperationCanceledException)
            {
                // Stopped with the stream.
            }
        }
    }

    /// <summary>The state again, without a new device (the page asks at the end of an item).</summary>
    private static async Task<IResult> State(string? device_id, HttpContext context, IServiceScopeFactory scopes, JukeboxDbContext db)
    {
        var user = await UserAsync(context, db);
        return TypedResults.Text(await StateJsonAsync(scopes, user, device_id ?? "", context.RequestAborted), "application/json");
    }

    /// <summary>
    /// What the page shows, each part as the Web API shows it: the playback (GET /me/player; null when no
    /// device is active), the user's devices, the queue and the last five items played, this page's device id,
    /// and the address of the playing track's own audio file when it was imported from one (else null).
    /// </summary>
    private static async Task<string> StateJsonAsync(IServiceScopeFactory scopes, WebUser user, string deviceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var player = scope.ServiceProvider.GetRequiredService<PlayerService>();
        var view = scope.ServiceProvider.GetRequiredService<PlayerObjects>();
        var loaded = await player.SyncAsync(user.Id, ct);
        var current = loaded.ActiveDevice is { } active ? view.Playback(loaded, active, user.Country, episodesWanted: true) : null;
        var playback = current is null ? "null" : JsonSerializer.Serialize(current, SpotifyJsonContext.Default.CurrentlyPlayingContextObject);
        var audio = await WebPlayerAudio.UrlOfAsync(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), (current?.Item as Jukebox.Api.Tracks.TrackObject)?.Id, ct);
        var devices = new DevicesResponse([.. loaded.Devices.Select(d => view.Device(d, loaded.ActiveDevice?.Id))]);
        var queue = loaded.ActiveDevice is null ? "null" : JsonSerializer.Serialize(view.Queue(loaded, user.Country), SpotifyJsonContext.Default.QueueObject);
        var catalog = await scope.ServiceProvider.GetRequiredService<CatalogStore>().GetAsync();
        var recent = await scope.ServiceProvider.GetRequiredService<ListeningHistory>().RecentlyPlayedAsync(
            user.Id, user.Country, catalog, new RecentlyPlayedRequest(5, null, null, "/v1/me/player/recently-played", ""), ct);
        return $"{{\"device_id\":{JsonSerializer.Serialize(deviceId, SpotifyJsonContext.Default.String)},\"playback\":{playback}," +
            $"\"audio_url\":{(audio is null ? "null" : JsonSerializer.Serialize(audio, SpotifyJsonContext.Default.String))}," +
            $"\"devices\":{JsonSerializer.Serialize(devices, SpotifyJsonContext.Default.DevicesResponse)},\"queue\":{queue}," +
            $"\"recent\":{JsonSerializer.Serialize(recent, SpotifyJsonContext.Default.CursorPagingPlayHistoryObject)}}}";
    }

    private static async Task WriteEventAsync(HttpContext context, string name, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", Encoding.UTF8, ct);
        await context.Response.Body.FlushAsync(ct);
    }

    private static async Task RenewAsync(IServiceScopeFactory scopes, TimeProvider clock, DatabaseOutages outages, string deviceId, CancellationToken ct)
    {
        while (true)
        {
            await Task.Delay(RenewEvery, clock, ct);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expires = clock.GetUtcNow() + DeviceLease;
                await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().PlayerDevices
                    .Where(d => d.Id == deviceId).ExecuteUpdateAsync(d => d.SetProperty(x => x.ExpiresAt, expires), ct);
            }
            catch (Exception e) when (outages.Recognize(e))
            {
                // A lease outlasts a few missed renewals: the next one may reach the database again.
            }
        }
    }

    /// <summary>Closing the page removes its device; playback on it stops there (see PlayerService).</summary>
    private static async Task RemoveDeviceAsync(IServiceScopeFactory scopes, IPlayerNotifier notifier, string userId, string deviceId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlayerService>().DeviceGoneAsync(userId, deviceId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().PlayerDevices.Where(d => d.Id == deviceId).ExecuteDeleteAsync();
        await notifier.PublishAsync(userId);
    }

    /// <summary>
    /// The page's buttons. Play plays on the page's own device (what <paramref name="uri"/> names, from an
    /// object page's "play" link: a track or episode alone, anything else as the context); the others act
    /// on the active device.
    /// </summary>
    private static async Task<IResult> Command(string command, string? device_id, string? uri, string? value, HttpContext context, IAntiforgery antiforgery,
        JukeboxDbContext db, PlayerCommands commands)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            throw SpotifyException.BadRequest("Invalid anti-forgery token");
        }
        var user = await UserAsync(context, db);
        var target = new PlayerCommands.Target(user.Id, user.Product, null, user.Country);
        var ct = context.RequestAborted;
        switch (command)
        {
            case "play":
                await commands.PlayAsync(target with { DeviceId = device_id }, uri is null ? null
                    : uri.StartsWith("spotify:track:", StringComparison.Ordinal) || uri.StartsWith("spotify:episode:", StringComparison.Ordinal)
                        ? new PlayRequest(null, [uri], null, null)
                        : new PlayRequest(uri, null, null, null), ct);
                break;
            case "pause":
                await commands.PauseAsync(target, ct);
                break;
            case "next":
                await commands.NextAsync(target, ct);
                break;
            case "previous":
                await commands.PreviousAsync(target, ct);
                break;
            // The page's seek bar, volume, shuffle and repeat controls, and its device list: value as the Web API takes it.
            case "seek":
                await commands.SeekAsync(target, Number(value), ct);
                break;
            case "volume":
                await commands.VolumeAsync(target, (int)Number(value), ct);
                break;
            case "shuffle":
                await commands.ShuffleAsync(target, value == "true", ct);
                break;
            case "repeat" when value is "track" or "context" or "off":
                await commands.RepeatAsync(target, value, ct);
                break;
            case "transfer" when device_id is not null:
                await commands.TransferAsync(user.Id, user.Product, new TransferRequest([device_id], null), ct);
                break;
            default:
                throw SpotifyException.NotFound(SpotifyErrors.ServiceNotFound);
        }
        return TypedResults.NoContent();
    }

    private static long Number(string? value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw SpotifyException.BadRequest("Invalid value");
}
