using System.Collections.Immutable;
using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Player;

/// <summary>
/// The player's commands, as Spotify applies them: who may send them (Premium), which device they
/// act on, which state they need, then the state change itself (<see cref="PlaybackState"/>).
/// </summary>
public sealed class PlayerCommands(PlayerService player, Microsoft.Extensions.Options.IOptions<PlayerOptions> options)
{
    /// <summary>Who sends a command and to which device (<c>device_id</c>, or null for the active one).</summary>
    public sealed record Target(string UserId, string? Product, string? DeviceId, string? Market);

    /// <summary>Play; the result's <see cref="PlayerService.Loaded.WokeDevice"/> says it only woke the device.</summary>
    public Task<PlayerService.Loaded> PlayAsync(Target target, PlayRequest? body, CancellationToken ct) => player.RunAsync(target.UserId, async l =>
    {
        var device = Device(l, target, inactiveAllowed: true);
        if (Wake(l, device))
        {
            return l;
        }
        var wasActive = l.State.DeviceId == device.Id;
        MoveTo(l, device);
        if (body is null || (body.ContextUri is null && body.Uris is null))
        {
            if (!l.State.HasItem)
            {
                throw PlayerErrors.NoSpecificTrack();
            }
            if (l.State.IsPlaying && wasActive)
            {
                throw PlayerErrors.NotPaused();
            }
            if (!l.State.IsPlaying)
            {
                l.State = l.State.Resume(l.Now);
            }
            return l;
        }
        if (body.PositionMs < 0)
        {
            throw SpotifyException.BadRequest("position_ms must be a positive number");
        }
        var (contextUri, items) = body.ContextUri is not null
            ? (body.ContextUri, await player.ContextItemsAsync(l.Catalog, body.ContextUri, target.Market, ct))
            : (null, RequestedUris(l.Catalog, body.Uris!));
        if (items.Length == 0)
        {
            throw PlayerErrors.NoSpecificTrack();
        }
        var start = StartIndex(items, body.Offset);
        var position = body.PositionMs ?? await player.ResumePositionAsync(target.UserId, items[start], ct);
        var step = l.State.Load(l.Now, contextUri, items, start, position, ShuffleSeed(l.Now));
        Apply(l, step);
        return l;
    }, ct);

    public Task<PlayerService.Loaded> TransferAsync(string userId, string? product, TransferRequest? body, CancellationToken ct)
    {
        if (body?.DeviceIds is not { Count: > 0 } ids)
        {
            throw SpotifyException.BadRequest("Required field device_ids missing");
        }
        if (ids.Count > 1)
        {
            throw SpotifyException.BadRequest("Only one device_id is currently supported");
        }
        if (string.IsNullOrEmpty(ids[0]))
        {
            throw PlayerErrors.DeviceNotFound();
        }
        return player.RunAsync(userId, l =>
        {
            var device = Device(l, new Target(userId, product, ids[0], null), inactiveAllowed: true);
            if (Wake(l, device))
            {
                return Task.FromResult(l);
            }
            MoveTo(l, device);
            if (body.Play == true && l.State is { HasItem: true, IsPlaying: false })
            {
                l.State = l.State.Resume(l.Now);
            }
            return Task.FromResult(l);
        }, ct);
    }

    public Task PauseAsync(Target target, CancellationToken ct) => Run(target, l =>
    {
        if (!l.State.IsPlaying)
        {
            throw PlayerErrors.AlreadyPaused();
        }
        l.State = l.State.Pause(l.Now);
    }, ct);

    public Task NextAsync(Target target, CancellationToken ct) => Run(target, l =>
        Apply(l, l.State.SkipNext(l.Now) ?? throw PlayerErrors.NoNextTrack()), ct);

    public Task PreviousAsync(Target target, CancellationToken ct) => Run(target, l =>
        Apply(l, (l.State.HasItem ? l.State.SkipPrevious(l.Now) : null) ?? throw PlayerErrors.NoPreviousTrack()), ct);

    public Task SeekAsync(Target target, long positionMs, CancellationToken ct) => Run(target, l =>
    {
        RequireItem(l);
        l.State = l.State.Seek(l.Now, positionMs);
        Settle(l);
    }, ct);

    public Task RepeatAsync(Target target, string mode, CancellationToken ct) => Run(target, l => l.State = l.State.SetRepeat(mode), ct);

    public Task ShuffleAsync(Target target, bool on, CancellationToken ct) => Run(target, l => l.State = l.State.SetShuffle(on, ShuffleSeed(l.Now)), ct);

    public Task EnqueueAsync(Target target, string uri, CancellationToken ct) => Run(target, l =>
    {
        RequestedUris(l.Catalog, [uri]);
        l.State = l.State.Enqueue(uri);
    }, ct);

    /// <summary>Volume is the device's own setting: it may target any of the user's devices.</summary>
    public Task VolumeAsync(Target target, int percent, CancellationToken ct) => player.RunAsync(target.UserId, l =>
    {
        var device = Device(l, target, inactiveAllowed: true);
        if (!device.SupportsVolume)
        {
            throw PlayerErrors.VolumeControlDisallowed();
        }
        device.VolumePercent = percent;
        l.Touched = true;
        return Task.FromResult(l);
    }, ct);

    private Task Run(Target target, Action<PlayerService.Loaded> command, CancellationToken ct) => player.RunAsync(target.UserId, l =>
    {
        Device(l, target, inactiveAllowed: false);
        command(l);
        return Task.FromResult(l);
    }, ct);

    /// <summary>
    /// The device a command acts on. Free users may not control playback; a named device must be
    /// theirs and controllable; without one, the active device, else 404 NO_ACTIVE_DEVICE. Only
    /// play, transfer and volume may name a device that is not the active one.
    /// </summary>
    private static PlayerDevice Device(PlayerService.Loaded l, Target target, bool inactiveAllowed)
    {
        if (target.Product != "premium")
        {
            throw PlayerErrors.PremiumRequired();
        }
        if (string.IsNullOrEmpty(target.DeviceId))
        {
            return l.ActiveDevice ?? throw PlayerErrors.NoActiveDevice();
        }
        var device = l.Devices.FirstOrDefault(d => d.Id == target.DeviceId) ?? throw PlayerErrors.DeviceNotFound();
        if (device.IsRestricted)
        {
            throw PlayerErrors.DeviceNotControllable();
        }
        if (!inactiveAllowed && device.Id != l.ActiveDevice?.Id)
        {
            throw PlayerErrors.Unknown();
        }
        return device;
    }

    /// <summary>
    /// A device that is not the active one and has been idle for Player:SleepAfter is asleep: this
    /// command only wakes it (202), and the same command sent again acts.
    /// </summary>
    private bool Wake(PlayerService.Loaded l, PlayerDevice device)
    {
        var sleepAfter = options.Value.SleepAfter;
        if (sleepAfter <= TimeSpan.Zero || device.Id == l.ActiveDevice?.Id || (device.LastActiveAt ?? device.CreatedAt) + sleepAfter > l.ServerNow)
        {
            return false;
        }
        device.LastActiveAt = l.ServerNow;
        l.Touched = l.WokeDevice = true;
        return true;
    }

    /// <summary>Playback moves to <paramref name="device"/>; both it and the device it leaves were active just now.</summary>
    private static void MoveTo(PlayerService.Loaded l, PlayerDevice device)
    {
        if (l.ActiveDevice is { } previous && previous != device)
        {
            previous.LastActiveAt = l.ServerNow;
        }
        device.LastActiveAt = l.ServerNow;
        l.Touched = true;
        l.State = l.State with { DeviceId = device.Id };
    }

    private static void RequireItem(PlayerService.Loaded l)
    {
        if (!l.State.HasItem)
        {
            throw PlayerErrors.Unknown();
        }
    }

    private static void Apply(PlayerService.Loaded l, PlaybackState.Step step)
    {
        if (step.Left is { } left)
        {
            l.Left.Add(left);
        }
        l.State = step.State;
        Settle(l);
    }

    /// <summary>A start position past the item's end moves on at once, as Spotify documents for play and seek.</summary>
    private static void Settle(PlayerService.Loaded l)
    {
        var catalog = l.Catalog;
        var (state, ended) = l.State.At(l.Now, uri => PlayerService.DurationOf(catalog, uri));
        l.State = state;
        l.Left.AddRange(ended);
    }

    /// <summary>The <c>uris</c> of a request: tracks and episodes of the catalog.</summary>
    private static ImmutableArray<string> RequestedUris(CatalogSnapshot catalog, IReadOnlyList<string> uris)
    {
        foreach (var uri in uris)
        {
            if (!SpotifyIds.TryParseUri(uri, out var type, out var id) || type is not ("track" or "episode"))
            {
                throw SpotifyException.BadRequest($"Invalid track uri: {uri}");
            }
            if (type == "track" ? !catalog.Tracks.ContainsKey(id) : !catalog.Episodes.ContainsKey(id))
            {
                throw SpotifyException.NotFound();
            }
        }
        return [.. uris];
    }

    private static int StartIndex(ImmutableArray<string> items, PlayOffset? offset)
    {
        if (offset is null)
        {
            return 0;
        }
        if (offset.Position is { } position)
        {
            if (position < 0)
            {
                throw SpotifyException.BadRequest("Invalid offset position");
            }
            return position < items.Length ? position : throw PlayerErrors.NoSpecificTrack();
        }
        if (offset.Uri is { } uri)
        {
            var index = items.IndexOf(uri);
            return index >= 0 ? index : throw PlayerErrors.NoSpecificTrack();
        }
        return 0;
    }

    /// <summary>A shuffle's seed: fixed by the instant of the command and stored with the order it gives.</summary>
    private static int ShuffleSeed(DateTimeOffset now) =>
        (int)(now.ToUnixTimeMilliseconds() % int.MaxValue);

    public static bool TryParseRepeat(string? state, out string mode)
    {
        mode = state ?? "";
        return state is PlaybackState.RepeatOff or PlaybackState.RepeatTrack or PlaybackState.RepeatContext;
    }

    public static long ParseNonNegative(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw SpotifyException.BadRequest($"Missing required parameter {name}");
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw SpotifyException.BadRequest($"Invalid {name}");
    }
}
