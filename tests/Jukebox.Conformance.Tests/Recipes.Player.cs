namespace Jukebox.Conformance.Tests;

/// <summary>
/// The player: playback is first transferred to a device GET /me/player/devices lists (see
/// <see cref="Discovery.DeviceAsync"/>); commands that need something playing start the first three
/// tracks at the second one, so next and previous both have somewhere to go.
/// </summary>
internal static partial class Recipes
{
    private static Dictionary<string, Recipe> Player() => new()
    {
        ["GET /me/player/devices"] = Recipe.Get(_ => Task.FromResult("/v1/me/player/devices")),
        ["PUT /me/player"] = Recipe.Put(_ => Task.FromResult("/v1/me/player"),
            async t => new { device_ids = new[] { await t.Discovered.DeviceAsync() }, play = true }),
        // While something plays, 200 is the one right answer (204 means no playback).
        ["GET /me/player"] = Recipe.Get(Playing("/v1/me/player?market=US&additional_types=track,episode"), status: 200),
        ["GET /me/player/currently-playing"] = Recipe.Get(Playing("/v1/me/player/currently-playing?market=US&additional_types=track,episode"), status: 200),
        ["GET /me/player/queue"] = Recipe.Get(Playing("/v1/me/player/queue"), status: 200),
        ["GET /me/player/recently-played"] = Recipe.Get(_ => Task.FromResult("/v1/me/player/recently-played?limit=5")),

        ["PUT /me/player/play"] = Recipe.Put(async t => $"/v1/me/player/play?device_id={await t.Discovered.DeviceAsync()}",
            async t => new { uris = (await Music(t)).Tracks[..3].Select(Discovery.Uri("track")).ToArray(), offset = new { position = 0 }, position_ms = 0 }),
        ["PUT /me/player/pause"] = Recipe.Put(Playing("/v1/me/player/pause?device_id={device}")),
        ["POST /me/player/next"] = Recipe.Post(Playing("/v1/me/player/next?device_id={device}")),
        ["POST /me/player/previous"] = Recipe.Post(Playing("/v1/me/player/previous?device_id={device}")),
        ["PUT /me/player/seek"] = Recipe.Put(Playing("/v1/me/player/seek?position_ms=10000&device_id={device}")),
        ["PUT /me/player/repeat"] = Recipe.Put(Playing("/v1/me/player/repeat?state=context&device_id={device}")),
        ["PUT /me/player/volume"] = Recipe.Put(Playing("/v1/me/player/volume?volume_percent=50&device_id={device}")),
        ["PUT /me/player/shuffle"] = Recipe.Put(Playing("/v1/me/player/shuffle?state=true&device_id={device}")),
        ["POST /me/player/queue"] = Recipe.Post(async t =>
        {
            var device = await t.Discovered.StartPlaybackAsync();
            return $"/v1/me/player/queue?uri=spotify:track:{(await Music(t)).Tracks[4]}&device_id={device}";
        }),
    };

    /// <summary>Starts playback, then gives <paramref name="url"/> with {device} filled in.</summary>
    private static Func<ConformanceTarget, Task<string>> Playing(string url) => async t =>
        url.Replace("{device}", Uri.EscapeDataString(await t.Discovered.StartPlaybackAsync()), StringComparison.Ordinal);
}
