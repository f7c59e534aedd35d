using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Player;

/// <summary>Turns a user's playback into the spec's objects.</summary>
public sealed class PlayerObjects(CatalogObjects objects)
{
    public DeviceObject Device(PlayerDevice d, string? activeId) =>
        new(d.Id, d.Id == activeId, d.IsPrivateSession, d.IsRestricted, d.Name, d.Type, d.VolumePercent, d.SupportsVolume);

    public ContextObject? Context(string? uri)
    {
        if (!SpotifyIds.TryParseUri(uri, out var type, out var id))
        {
            return null;
        }
        return new ContextObject(type, objects.Urls.Resource(type + "s", id), objects.Urls.External(type, id), uri!);
    }

    /// <summary>A track (relinked for the market) or an episode; null for what the catalog no longer has.</summary>
    public object? Item(CatalogSnapshot catalog, string? uri, string? market)
    {
        if (!SpotifyIds.TryParseUri(uri, out var type, out var id))
        {
            return null;
        }
        return type switch
        {
            "track" when catalog.Tracks.TryGetValue(id, out var track) => objects.Track(track, market),
            "episode" when catalog.Episodes.TryGetValue(id, out var episode) => objects.Episode(episode, market),
            _ => null,
        };
    }

    private static string TypeOf(string? uri) =>
        SpotifyIds.TryParseUri(uri, out var type, out _) && type is "track" or "episode" ? type : "unknown";

    /// <summary>Which actions the state does not allow now (Spotify lists only those).</summary>
    public static ActionsObject Actions(PlaybackState state, DateTimeOffset now)
    {
        var disallows = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        if (!state.HasItem)
        {
            foreach (var action in (string[])["pausing", "resuming", "seeking", "skipping_next", "skipping_prev"])
            {
                disallows[action] = true;
            }
            return new ActionsObject(disallows);
        }
        disallows[state.IsPlaying ? "resuming" : "pausing"] = true;
        if (!state.CanSkipNext)
        {
            disallows["skipping_next"] = true;
        }
        if (!state.CanSkipPrevious(now))
        {
            disallows["skipping_prev"] = true;
        }
        return new ActionsObject(disallows);
    }

    /// <summary>
    /// The item as the request may see it: an episode only when <c>additional_types</c> names
    /// episodes (otherwise item is null and the type still says episode, as Spotify answers).
    /// </summary>
    private object? VisibleItem(PlayerService.Loaded l, string? market, bool episodesWanted) =>
        TypeOf(l.State.CurrentUri) == "episode" && !episodesWanted ? null : Item(l.Catalog, l.State.CurrentUri, market);

    public CurrentlyPlayingContextObject Playback(PlayerService.Loaded l, PlayerDevice device, string? market, bool episodesWanted)
    {
        var s = l.State;
        return new CurrentlyPlayingContextObject(
            Device(device, device.Id), s.Repeat, s.Shuffle, Context(s.ContextUri), s.ChangedAt.ToUnixTimeMilliseconds(),
            s.HasItem ? s.ProgressAt(l.Now) : null, s.IsPlaying, VisibleItem(l, market, episodesWanted), TypeOf(s.CurrentUri), Actions(s, l.Now));
    }

    public CurrentlyPlayingObject CurrentlyPlaying(PlayerService.Loaded l, string? market, bool episodesWanted)
    {
        var s = l.State;
        return new CurrentlyPlayingObject(
            Context(s.ContextUri), s.ChangedAt.ToUnixTimeMilliseconds(), s.ProgressAt(l.Now), s.IsPlaying,
            VisibleItem(l, market, episodesWanted), TypeOf(s.CurrentUri), Actions(s, l.Now));
    }

    /// <summary>The current item and up to 20 that follow it (queue, then context).</summary>
    public QueueObject Queue(PlayerService.Loaded l, string? market)
    {
        var upcoming = l.State.HasItem ? l.State.Upcoming(20) : [.. l.State.Queue.Take(20)];
        var queue = upcoming.Select(uri => Item(l.Catalog, uri, market)).OfType<object>().ToList();
        return new QueueObject(Item(l.Catalog, l.State.CurrentUri, market), queue);
    }

    public static bool WantsEpisodes(string? additionalTypes) =>
        additionalTypes?.Split(',', StringSplitOptions.TrimEntries).Contains("episode") == true;
}
