using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Sandbox.Import;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>A folder of audio files: tags, duration and cover art become the catalog's tracks, albums and artists.</summary>
public sealed class AudioImportTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    [Fact]
    public async Task Files_become_albums_grouped_by_album_artist_with_tags_duration_and_cover_and_a_second_import_changes_nothing()
    {
        using var folder = new AudioFolder();

        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var counts = await CountsAsync();
        Assert.Equal(0, await server.ImportAsync(folder.Path, "--format", "audio"));
        Assert.Equal(counts, await CountsAsync());

        var catalog = await server.ReloadCatalogAsync();
        var album = catalog.Albums.Values.Single(a => a.Name == folder.AlbumName);
        var loose = catalog.Albums.Values.Single(a => a.Name == folder.LooseAlbumName);
        using var api = await server.CreateAppClientAsync();
        var json = await api.GetFromJsonAsync<JsonElement>($"/v1/albums/{album.Id}");
        Assert.Equal([folder.ArtistName], Names(json.GetProperty("artists")));
        Assert.Equal("2021", json.GetProperty("release_date").GetString());
        Assert.Equal("year", json.GetProperty("release_date_precision").GetString());
        var tracks = json.GetProperty("tracks").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Opening", "Closing", "Coda"], tracks.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3], tracks.Select(t => t.GetProperty("track_number").GetInt32()));
        Assert.Equal([folder.ArtistName, folder.GuestName], Names(tracks[0].GetProperty("artists")));
        Assert.InRange(tracks[0].GetProperty("duration_ms").GetInt32(), 59_500, 60_500);
        Assert.InRange(tracks[1].GetProperty("duration_ms").GetInt32(), 44_500, 45_500);
        Assert.Equal(10_240, tracks[2].GetProperty("duration_ms").GetInt32());
        var opening = await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{tracks[0].GetProperty("id").GetString()}");
        Assert.Equal(folder.Isrc, opening.GetProperty("external_ids").GetProperty("isrc").GetString());

        // The file without an album artist is on an album of its first artist.
        var hum = await api.GetFromJsonAsync<JsonElement>($"/v1/albums/{loose.Id}");
        Assert.Equal([folder.LooseArtistName], Names(hum.GetProperty("artists")));
        Assert.Equal(10_000, hum.GetProperty("tracks").GetProperty("items")[0].GetProperty("duration_ms").GetInt32());

        // The embedded picture (800×600, red) is the album's cover in the three sizes the API lists.
        Assert.Equal([640, 300, 64], json.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("width").GetInt32()));
        foreach (var image in json.GetProperty("images").EnumerateArray())
        {
            using var bitmap = SKBitmap.Decode(await api.GetByteArrayAsync(image.GetProperty("url").GetString()));
            var size = image.GetProperty("width").GetInt32();
            Assert.Equal((size, size), (bitmap.Width, bitmap.Height));
            Assert.Equal(SKColors.Red, Rounded(bitmap.GetPixel(size / 2, size / 2)));
        }
        // A playlist mosaic shows the art too (here the mosaic of the album and the album without art, twice).
        using var mosaic = SKBitmap.Decode(await api.GetByteArrayAsync($"/images/mosaic/{album.Id}{loose.Id}{loose.Id}{album.Id}/300"));
        Assert.Equal(SKColors.Red, Rounded(mosaic.GetPixel(75, 75)));
        Assert.NotEqual(SKColors.Red, Rounded(mosaic.GetPixel(225, 75)));
        Assert.Equal(SKColors.Red, Rounded(mosaic.GetPixel(225, 225)));
        // The album without art keeps its generated cover.
        using var generated = SKBitmap.Decode(await api.GetByteArrayAsync($"/images/album/{loose.Id}/300"));
        Assert.NotEqual(SKColors.Red, Rounded(generated.GetPixel(150, 150)));
    }

    [Fact]
    public async Task An_MP3_track_has_a_public_30_second_preview()
    {
        using var folder = new AudioFolder();
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var catalog = await server.ReloadCatalogAsync();
        var opening = TrackNamed(catalog, folder.AlbumName, "Opening");
        using var api = await server.CreateAppClientAsync();

        var previewUrl = (await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}")).GetProperty("preview_url").GetString();
        Assert.Equal(new Uri(server.BaseAddress, $"/audio/{opening}/preview").ToString(), previewUrl);
        using var anonymous = server.CreateClient();
        using var preview = await anonymous.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("audio/mpeg", preview.Content.Headers.ContentType?.MediaType);
        var bytes = await preview.Content.ReadAsByteArrayAsync();
        // Whole frames only (no tag in front), adding up to 30 seconds.
        Assert.Equal([0xFF, 0xFB], bytes[..2]);
        Assert.Equal(0, bytes.Length % TestAudioFiles.Mp3FrameBytes);
        var seconds = bytes.Length / TestAudioFiles.Mp3FrameBytes * (double)TestAudioFiles.Mp3FrameSamples / TestAudioFiles.Mp3SampleRate;
        Assert.InRange(seconds, 30.0, 30.1);

        // A track without a file has none.
        using var none = await anonymous.GetAsync("/audio/4uLU6hMCjMI75M1A2tKUQC/preview");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("""{"error":{"status":404,"message":"Resource not found"}}""", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_whole_file_is_served_with_ranges_to_a_signed_in_user_only()
    {
        using var folder = new AudioFolder();
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var opening = TrackNamed(await server.ReloadCatalogAsync(), folder.AlbumName, "Opening");
        var file = await File.ReadAllBytesAsync(folder.File("Ada Lane/First Light/01 Opening.mp3"));

        // Without the session's cookie the answer is the way to the login page.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var refused = await anonymous.GetAsync($"/player/audio/{opening}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/login", refused.Headers.Location?.AbsolutePath);

        await server.CreateUserAsync("audio-listener", "listener-pass");
        using var browser = new AccountsBrowser(server);
        await browser.LogInAsync("audio-listener", "listener-pass");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/player/audio/{opening}");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999);
        using var part = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("audio/mpeg", part.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 1000-1999/{file.Length}", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(file[1000..2000], await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Profiles_and_markets_apply_to_imported_tracks()
    {
        using var folder = new AudioFolder();
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var opening = TrackNamed(await server.ReloadCatalogAsync(), folder.AlbumName, "Opening");
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/apps", new { name = "previews", quota_mode = "extended", api_profile = "restricted-2024" });
        var app = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var restricted = new OAuthClient(server, app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
        var (status, token) = await restricted.TokenAsync([("grant_type", "client_credentials")]);
        Assert.Equal(200, status);
        using var restrictedApi = server.CreateClient(token.GetProperty("access_token").GetString());
        using var api = await server.CreateAppClientAsync();

        // Apps made from 27 Nov 2024 get no previews, of imported files either.
        Assert.Equal(JsonValueKind.Null, (await restrictedApi.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}")).GetProperty("preview_url").ValueKind);
        Assert.Equal(JsonValueKind.String, (await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}")).GetProperty("preview_url").ValueKind);
        // A file has no markets of its own: its album is available everywhere.
        var inGermany = await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}?market=DE");
        Assert.True(inGermany.GetProperty("is_playable").GetBoolean());
    }

    [Fact]
    public async Task A_track_unavailable_in_a_market_is_relinked_to_a_file_of_the_same_recording_and_a_CSV_update_keeps_its_preview()
    {
        using var folder = new AudioFolder();
        TestAudioFiles.Write(folder.File("singles/opening.mp3"), TestAudioFiles.SilentMp3(TimeSpan.FromSeconds(60)), tag =>
        {
            tag.Title = "Opening";
            tag.Album = folder.AlbumName + " (Single)";
            tag.Performers = [folder.ArtistName];
            tag.ISRC = folder.Isrc;
        });
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var catalog = await server.ReloadCatalogAsync();
        var album = catalog.Albums.Values.Single(a => a.Name == folder.AlbumName);
        var opening = TrackNamed(catalog, folder.AlbumName, "Opening");
        var single = TrackNamed(catalog, folder.AlbumName + " (Single)", "Opening");
        var artist = album.Artists[0];
        // The album is taken out of Germany by a CSV row that names it and the track by id.
        using var csv = new ImportFolder();
        Assert.Equal(0, await server.ImportAsync(csv.Write("markets.csv", $"""
            track_id,track_name,artist_ids,artist_names,album_id,album_name,duration_ms,markets,track_number
            {opening},Opening,{artist.Id},{artist.Name},{album.Id},{album.Name},60000,SE,1
            """)));
        await server.ReloadCatalogAsync();
        using var api = await server.CreateAppClientAsync();

        var inGermany = await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}?market=DE");
        Assert.Equal(single, inGermany.GetProperty("id").GetString());
        Assert.Equal(opening, inGermany.GetProperty("linked_from").GetProperty("id").GetString());
        Assert.EndsWith($"/audio/{single}/preview", inGermany.GetProperty("preview_url").GetString(), StringComparison.Ordinal);
        var inSweden = await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{opening}?market=SE");
        Assert.Equal(opening, inSweden.GetProperty("id").GetString());
        Assert.EndsWith($"/audio/{opening}/preview", inSweden.GetProperty("preview_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_audio_is_named_and_strict_writes_nothing()
    {
        using var folder = new AudioFolder();
        var broken = folder.File("Ada Lane/First Light/03 Broken.mp3");
        await File.WriteAllTextAsync(broken, "this is no MP3");
        var read = new ImportedObjects();
        await using (var stream = File.OpenRead(broken))
        {
            AudioFileReader.Read("Ada Lane/First Light/03 Broken.mp3", broken, stream, read);
        }
        var failure = Assert.Single(read.Failures);
        Assert.StartsWith("Ada Lane/First Light/03 Broken.mp3: tags: ", failure.ToString(), StringComparison.Ordinal);

        var before = await CountsAsync();
        Assert.Equal(1, await server.ImportAsync(folder.Path, "--strict"));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(1, await server.ImportAsync(folder.Path));
        Assert.Equal(before.Tracks + 4, (await CountsAsync()).Tracks);
    }

    private static string TrackNamed(CatalogSnapshot catalog, string album, string name) =>
        catalog.Albums.Values.Single(a => a.Name == album).Tracks.Single(t => t.Name == name).Id;

    /// <summary>A JPEG pixel as red when it is near enough (compression moves the colours a little).</summary>
    private static SKColor Rounded(SKColor pixel) => pixel is { Red: > 200, Green: < 60, Blue: < 60 } ? SKColors.Red : pixel;

    private static List<string?> Names(JsonElement artists) => [.. artists.EnumerateArray().Select(a => a.GetProperty("name").GetString())];

    private async Task<(int Tracks, int Albums, int Artists, int Files, int Covers)> CountsAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return (await db.Tracks.CountAsync(), await db.Albums.CountAsync(), await db.Artists.CountAsync(),
            await db.TrackAudioFiles.CountAsync(), await db.AlbumCovers.CountAsync());
    }
}
