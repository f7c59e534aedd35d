using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Artists;
using Jukebox.Api.Http;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// Links written from their parts (a prefix per kind, the id, a suffix) read on the wire exactly as the
/// whole strings did: same text, same escaping, null when unset.
/// </summary>
public sealed class LinkTests
{
    private const string Id = "4uLU6hMCjMI75M1A2tKUQC";

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("https://jukebox.example/sub/path/")]
    [InlineData("https://jukebox.example/mus\u00efque")]
    public void An_artist_s_links_are_the_strings_they_stand_for(string publicBase)
    {
        var urls = new PublicUrls(publicBase);
        var fromParts = new SimplifiedArtistObject(urls.External("artist", Id), urls.ResourceLink("artists", Id), Id, "Name", "artist", SpotifyIds.UriLink("artist", Id));
        var fromStrings = new SimplifiedArtistObject(
            new ExternalUrlObject($"{urls.Base}/open/artist/{Id}"), urls.Resource("artists", Id), Id, "Name", "artist", SpotifyIds.Uri("artist", Id));

        var json = Write(fromParts, SpotifyJsonContext.Default.SimplifiedArtistObject);

        Assert.Equal(Write(fromStrings, SpotifyJsonContext.Default.SimplifiedArtistObject), json);
        Assert.Contains($"\"href\":\"{urls.Base}/v1/artists/{Id}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"uri\":\"spotify:artist:{Id}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_images_end_with_their_size()
    {
        var images = new PublicUrls("https://jukebox.example").Images("album", Id);

        var json = Write(images, SpotifyJsonContext.Default.IReadOnlyListImageObject);

        Assert.Equal(
            $"[{{\"url\":\"https://jukebox.example/images/album/{Id}/640\",\"height\":640,\"width\":640}}," +
            $"{{\"url\":\"https://jukebox.example/images/album/{Id}/300\",\"height\":300,\"width\":300}}," +
            $"{{\"url\":\"https://jukebox.example/images/album/{Id}/64\",\"height\":64,\"width\":64}}]",
            json);
    }

    [Fact]
    public void A_link_longer_than_the_stack_buffer_is_written_whole()
    {
        var longBase = "https://jukebox.example/" + new string('a', 600);
        var link = new PublicUrls(longBase).ResourceLink("tracks", Id);

        var json = Write(new ExternalUrlObject(link), SpotifyJsonContext.Default.ExternalUrlObject);

        Assert.Equal($"{{\"spotify\":\"{longBase}/v1/tracks/{Id}\"}}", json);
    }

    [Fact]
    public void Quotes_in_a_link_are_escaped_as_in_any_string()
    {
        var json = Write(new ExternalUrlObject(new Link("https://jukebox.example/\"q\"/", Id)), SpotifyJsonContext.Default.ExternalUrlObject);

        Assert.Equal(Write(new ExternalUrlObject("https://jukebox.example/\"q\"/" + Id), SpotifyJsonContext.Default.ExternalUrlObject), json);
        Assert.Equal($"{{\"spotify\":\"https://jukebox.example/\\\"q\\\"/{Id}\"}}", json);
    }

    [Fact]
    public void An_unset_link_is_null_and_a_link_reads_back_equal()
    {
        var unset = Write(new ExternalUrlObject(default), SpotifyJsonContext.Default.ExternalUrlObject);
        var link = new Link("spotify:track:", Id);
        var read = JsonSerializer.Deserialize(Write(new ExternalUrlObject(link), SpotifyJsonContext.Default.ExternalUrlObject), SpotifyJsonContext.Default.ExternalUrlObject);

        Assert.Equal("{\"spotify\":null}", unset);
        Assert.Equal(new ExternalUrlObject(link), read);
        Assert.Equal($"spotify:track:{Id}", read!.Spotify.ToString());
    }

    private static string Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SpotifyJsonWriting.Options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
