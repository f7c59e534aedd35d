using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Web;

namespace Jukebox.Conformance.Tests.Clients;

/// <summary>
/// Plain HttpClient calls shaped the way SpotifyAPI-NET (JohnnyCrazy/SpotifyAPI-NET) makes them, the
/// most used .NET Spotify client: a base address ending in "/v1/" with relative endpoints ("me/tracks");
/// "Authorization: Bearer …" on each request; query parameters added by encoding each value with
/// HttpUtility.UrlEncode (so the commas of joined ids travel as %2c and spaces as +); bodies
/// serialised as its Newtonsoft settings do (snake_case names, nulls left out) and sent as
/// application/json text; PUT and DELETE with only query parameters carrying no content at all; every
/// status from 200 to 399 a success; a body read as JSON only when its media type is exactly
/// application/json.
/// </summary>
internal sealed class NetClientConnector(Uri server, string accessToken) : IDisposable
{
    private static readonly JsonSerializerOptions BodySettings = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http = new();
    private readonly Uri _baseAddress = new(server, "/v1/");

    public Task<Response> Get(string endpoint, IDictionary<string, string>? parameters = null) =>
        Send(HttpMethod.Get, endpoint, parameters, null);

    public Task<Response> Put(string endpoint, IDictionary<string, string>? parameters = null, object? body = null) =>
        Send(HttpMethod.Put, endpoint, parameters, body);

    public Task<Response> Post(string endpoint, IDictionary<string, string>? parameters = null, object? body = null) =>
        Send(HttpMethod.Post, endpoint, parameters, body);

    public Task<Response> Delete(string endpoint, IDictionary<string, string>? parameters = null, object? body = null) =>
        Send(HttpMethod.Delete, endpoint, parameters, body);

    /// <summary>Query parameters as its request objects build them: lists joined with commas, nulls left out.</summary>
    public static Dictionary<string, string> Query(params (string Key, object? Value)[] parameters) =>
        parameters.Where(p => p.Value is not null).ToDictionary(
            p => p.Key,
            p => p.Value is not string and IEnumerable<string> list ? string.Join(",", list) : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!);

    private async Task<Response> Send(HttpMethod method, string endpoint, IDictionary<string, string>? parameters, object? body)
    {
        var uri = ApplyParameters(new Uri(_baseAddress, new Uri(endpoint, UriKind.Relative)), parameters);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Authorization", $"Bearer {accessToken}");
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, BodySettings);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return new Response($"{method} {uri}", response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static Uri ApplyParameters(Uri uri, IDictionary<string, string>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return uri;
        }
        var query = new Dictionary<string, string>();
        var existing = HttpUtility.ParseQueryString(uri.Query);
        foreach (var key in existing.AllKeys)
        {
            query.Add(key!, existing[key]!);
        }
        foreach (var (key, value) in parameters)
        {
            query.Add(key, HttpUtility.UrlEncode(value));
        }
        return new UriBuilder(uri) { Query = "?" + string.Join("&", query.Select(p => $"{p.Key}={p.Value}")) }.Uri;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>What the client sees of an answer.</summary>
    public sealed record Response(string Sent, HttpStatusCode Status, string? MediaType, string Body)
    {
        public bool IsSuccess => (int)Status is >= 200 and < 400;

        /// <summary>The body as the client deserialises it; it sees nothing unless the media type is exactly application/json.</summary>
        public JsonElement Json()
        {
            Assert.True(IsSuccess, $"{Sent} answered {(int)Status}: {Body}");
            Assert.True(MediaType == "application/json", $"{Sent} answered with media type {MediaType}; the client reads only application/json.");
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }

        public void AssertSuccess() => Assert.True(IsSuccess, $"{Sent} answered {(int)Status}: {Body}");
    }
}
