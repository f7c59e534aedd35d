using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jukebox.Api.Tests.Playlists;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// Request bodies over their route's limit are refused with 413 before the server reads them, in the
/// error object the caller reads, and nothing over a form's limits is a 500.
/// </summary>
[Collection(PlaylistServer.Name)]
public sealed class BodyLimitTests(JukeboxTestServer server)
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private static readonly string[] Scopes =
        [.. PlaylistUser.AllScopes, "user-library-modify", "user-modify-playback-state", "user-read-playback-state"];

    public static readonly TheoryData<string, string> JsonOperations = new()
    {
        { "PUT", "/v1/playlists/{playlist}" },
        { "POST", "/v1/me/playlists" },
        { "PUT", "/v1/me/tracks" },
        { "PUT", "/v1/me/player/play" },
        { "PUT", "/v1/me/player" },
        { "PUT", "/v1/playlists/{playlist}/images" },
    };

    [Theory]
    [MemberData(nameof(JsonOperations))]
    public async Task A_5_mb_body_is_413_before_a_byte_of_it_is_sent(string method, string template)
    {
        using var user = await PlaylistUser.CreateAsync(server, Scopes);
        var url = template.Replace("{playlist}", await user.CreatePlaylistAsync(), StringComparison.Ordinal);
        using var client = WaitingClient(user.Client.DefaultRequestHeaders.Authorization!);
        var body = new GeneratedContent(FiveMegabytes, knownLength: true);

        // The client asks before sending the body (Expect: 100-continue) and waits for as long as it
        // takes: the body goes out only if the server starts reading it.
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });

        await ErrorAssert.IsAsync(response, 413, "Request Entity Too Large");
        Assert.Equal(0, body.Sent);
    }

    [Fact]
    public async Task A_5_mb_body_sent_without_asking_first_still_gets_its_413()
    {
        using var user = await PlaylistUser.CreateAsync(server, Scopes);
        var id = await user.CreatePlaylistAsync();

        using var response = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/v1/playlists/{id}")
        {
            Content = new GeneratedContent(FiveMegabytes, knownLength: true),
        });

        await ErrorAssert.IsAsync(response, 413, "Request Entity Too Large");
    }

    [Fact]
    public async Task A_body_without_a_length_is_cut_off_once_it_passes_the_limit()
    {
        using var user = await PlaylistUser.CreateAsync(server, Scopes);
        var id = await user.CreatePlaylistAsync();
        // Under the server's default limit (30 MB), so only the route's limit stops it.
        var body = new GeneratedContent(28 * 1024 * 1024, knownLength: false);

        // The server answers 413 and closes the connection while the client is still sending, which
        // HttpClient reports as a failed send rather than the answer; either way the body stops.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/playlists/{id}") { Content = body };
        var response = await Record.ExceptionAsync(async () =>
        {
            using var answer = await user.Client.SendAsync(request);
            await ErrorAssert.IsAsync(answer, 413, "Request Entity Too Large");
        });

        Assert.True(response is null or HttpRequestException, response?.ToString());
        Assert.True(body.Sent < body.Length, $"all {body.Length} bytes were read");
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read()
    {
        using var user = await PlaylistUser.CreateAsync(server, Scopes);
        var padded = "{\"name\":\"Padded\"" + new string(' ', 900 * 1024) + "}";

        using var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/me/playlists", padded);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_5_mb_token_request_is_413_in_the_oauth_error_object_before_a_byte_of_it_is_sent()
    {
        using var client = WaitingClient(DemoAppBasic());
        var body = new GeneratedContent(FiveMegabytes, knownLength: true, "application/x-www-form-urlencoded");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/token") { Content = body });

        await AssertOAuthErrorAsync(response, 413, "invalid_request");
        Assert.Equal(0, body.Sent);
    }

    [Fact]
    public async Task A_token_request_with_more_fields_than_a_form_may_have_is_400_in_the_oauth_error_object()
    {
        using var client = server.CreateClient();
        var form = "grant_type=client_credentials&" + string.Concat(Enumerable.Repeat("a=b&", 2000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = DemoAppBasic();

        using var response = await client.SendAsync(request);

        await AssertOAuthErrorAsync(response, 400, "invalid_request");
    }

    private HttpClient WaitingClient(AuthenticationHeaderValue authorization)
    {
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = Timeout.InfiniteTimeSpan }) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;
        client.DefaultRequestHeaders.ExpectContinue = true;
        return client;
    }

    private static AuthenticationHeaderValue DemoAppBasic() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JukeboxTestServer.DemoClientId}:{JukeboxTestServer.DemoClientSecret}")));

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, int status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error_description").GetString()));
    }

    /// <summary>A body of <c>a</c>s made as it is sent, which counts how much of it was sent.</summary>
    private sealed class GeneratedContent : HttpContent
    {
        private readonly bool _knownLength;

        public GeneratedContent(long length, bool knownLength, string mediaType = "application/json")
        {
            Length = length;
            _knownLength = knownLength;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        public long Length { get; }

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            while (Sent < Length)
            {
                var size = (int)Math.Min(chunk.Length, Length - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, size));
                Sent += size;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Length;
            return _knownLength;
        }
    }
}
