using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>A fixture the catalog could not hold is refused with a 400 that says why, as the Web API refuses bad input.</summary>
public sealed class FixtureValidationTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    /// <summary>An artist, an album of it with one track, made once for every case below.</summary>
    private async Task<(string Artist, string Album)> SceneAsync()
    {
        var artist = await _calls.ArtistAsync();
        return (artist, await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist)]));
    }

    public static TheoryData<string, string, string> BadArtists => new()
    {
        { "artists", """{"popularity":1}""", "name is required" },
        { "artists", """{"name":"   "}""", "name is required" },
        { "artists", """{"id":"not-an-id","name":"x"}""", "Invalid base62 id" },
        { "artists", """{"name":"x","popularity":101}""", "popularity must be 0 to 100" },
        { "artists", """{"name":"x","type":"album"}""", "type must be artist" },
        { "artists", """{"name":"x","followers":{"total":-1}}""", "followers.total must be 0 or more" },
        { "artists", """{"name":"x","genres":[""]}""", "genres must be non-empty strings" },
        { "artists", """{"name":""", "Malformed json" },
        { "artists", """{"name":7}""", "Malformed json" },
    };

    [Theory]
    [MemberData(nameof(BadArtists))]
    public async Task A_bad_artist_is_refused_with_the_reason(string type, string body, string message)
    {
        var answer = await _calls.PostAsync(type, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Json.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(message, answer.Message);
    }

    public static TheoryData<string, string> BadAlbums => new()
    {
        { """{"name":"x"}""", "artists must name at least one artist by id" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"available_markets":["SE","XX"]}""", "Invalid market code in available_markets: XX" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"available_markets":["SE","SE"]}""", "available_markets names SE twice" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"album_type":"ep"}""", "album_type must be album, single or compilation" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"release_date":"2024-13-01"}""", "release_date must be YYYY, YYYY-MM or YYYY-MM-DD" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"release_date":"2024","release_date_precision":"day"}""", "release_date_precision must be year for release_date 2024" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"external_ids":{"upc":"12ab"}}""", "external_ids.upc must be 12 to 14 digits" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"tracks":{"items":[{"name":"t","artists":[{"id":"ARTIST"}]}]}}""", "duration_ms is required" },
        { """{"name":"x","artists":[{"id":"ARTIST"}],"tracks":{"items":[{"name":"a","artists":[{"id":"ARTIST"}],"duration_ms":1,"track_number":1},{"name":"b","artists":[{"id":"ARTIST"}],"duration_ms":1,"track_number":1}]}}""", "tracks.items has two tracks numbered 1 on disc 1" },
        { """{"name":"x","artists":[{"id":"0000000000000000000000"}]}""", "Unknown artist id 0000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(BadAlbums))]
    public async Task A_bad_album_is_refused_with_the_reason(string body, string message)
    {
        var (artist, _) = await SceneAsync();

        var answer = await _calls.PostAsync("albums", body.Replace("ARTIST", artist, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    public static TheoryData<string, string> BadTracks => new()
    {
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":-5}""", "duration_ms must be more than zero" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"duration_ms":5}""", "album must name the track's album by id" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"0000000000000000000000"},"duration_ms":5}""", "Unknown album id 0000000000000000000000" },
        { """{"name":"t","artists":[{"id":"bad id"}],"album":{"id":"ALBUM"},"duration_ms":5}""", "Invalid base62 id" },
        { """{"name":"t","artists":[],"album":{"id":"ALBUM"},"duration_ms":5}""", "artists must name at least one artist by id" },
        { """{"artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5}""", "name is required" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5,"available_markets":["se"]}""", "Invalid market code in available_markets: se" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5,"external_ids":{"isrc":"short"}}""", "external_ids.isrc must be 12 upper-case letters and digits" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5,"disc_number":0}""", "disc_number must be 1 or more" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5,"track_number":1}""", "The album has a track numbered 1 on disc 1" },
        { """{"name":"t","artists":[{"id":"ARTIST"}],"album":{"id":"ALBUM"},"duration_ms":5,"preview_url":"ftp://x"}""", "preview_url must be an absolute http or https URL" },
        { """{"name":"t","artists":[{"id":"0000000000000000000000"}],"album":{"id":"ALBUM"},"duration_ms":5}""", "Unknown artist id 0000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(BadTracks))]
    public async Task A_bad_track_is_refused_with_the_reason(string body, string message)
    {
        var (artist, album) = await SceneAsync();

        var answer = await _calls.PostAsync("tracks", body.Replace("ARTIST", artist, StringComparison.Ordinal).Replace("ALBUM", album, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task A_bad_id_in_the_path_is_refused_and_a_body_naming_another_id_too()
    {
        var (artist, _) = await SceneAsync();

        var badPath = await _calls.PutAsync("artists", "not-an-id", new { name = "x" });
        var otherId = await _calls.PutAsync("artists", artist, new { id = FixtureCalls.NewId(), name = "x" });
        var badDelete = await _calls.DeleteAsync("tracks", "not-an-id");

        Assert.Equal((HttpStatusCode.BadRequest, "Invalid base62 id"), (badPath.Status, badPath.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "The id in the body is not the id in the path"), (otherId.Status, otherId.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid base62 id"), (badDelete.Status, badDelete.Message));
    }

    [Fact]
    public async Task Types_that_are_not_catalog_objects_are_not_found()
    {
        var answer = await _calls.PostAsync("users", new { name = "x" });

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }
}
