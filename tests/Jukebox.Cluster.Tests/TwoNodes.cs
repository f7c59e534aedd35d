using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Cluster.Tests;

/// <summary>
/// Two Jukebox nodes of one deployment, in process: one database (a PostgreSQL database, or a SQLite
/// file the two share), one redis-server, each node with its own port and clock. A reaches Redis
/// through <see cref="RouteOfA"/>, so a test can cut A alone off.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private TestDatabase? _database;

    public RedisServer Redis { get; private set; } = null!;
    public CuttableRoute RouteOfA { get; private set; } = null!;
    public Node A { get; private set; } = null!;
    public Node B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        _database = await TestDatabase.CreateAsync();
        var prefix = $"test-{Guid.NewGuid():N}";
        RouteOfA = new CuttableRoute(Redis.Port);
        A = new Node(_database, RouteOfA.Configuration, prefix);
        B = new Node(_database, Redis.Configuration, prefix);
        if (_database.Provider == "postgres")
        {
            // As a deployment may: both at once on an empty database (initialization takes turns).
            await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
        }
        else
        {
            // A SQLite file serves the nodes of one machine, started one after the other.
            await A.InitializeAsync();
            await B.InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await RouteOfA.DisposeAsync();
        await Redis.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A user token (through the sandbox grant of <paramref name="node"/>) for a new user.</summary>
    public static async Task<(string UserId, string Token)> NewUserAsync(Node node, params string[] scopes)
    {
        var userId = $"node-user-{Guid.NewGuid():N}"[..30];
        await node.CreateUserAsync(userId, "node-user-pass");
        return (userId, await OAuthClient.Demo(node).SandboxUserTokenAsync(userId, scopes));
    }

    public sealed class Node(TestDatabase database, string redis, string prefix) : JukeboxTestServer
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Redis:Configuration", redis),
            new("Redis:Prefix", prefix),
        ];

        public async Task<JsonElement> GetJsonAsync(string token, string url)
        {
            using var client = CreateClient(token);
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        public async Task<long> ArtistFollowersAsync(string token, string artistId) =>
            (await GetJsonAsync(token, $"/v1/artists/{artistId}")).GetProperty("followers").GetProperty("total").GetInt64();

        public async Task<List<string>> PlaylistsFoundAsync(string token, string word) =>
            [.. (await GetJsonAsync(token, $"/v1/search?type=playlist&q={word}")).GetProperty("playlists").GetProperty("items")
                .EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => p.GetProperty("id").GetString()!)];

        public async Task<string> CreatePlaylistAsync(string token, string name, bool isPublic = true)
        {
            using var client = CreateClient(token);
            using var response = await client.PostAsync("/v1/me/playlists", JsonContent.Create(new { name, @public = isPublic }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        }

        public async Task FollowArtistAsync(string token, string artistId)
        {
            using var client = CreateClient(token);
            using var response = await client.PutAsync($"/v1/me/following?type=artist&ids={artistId}", null);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task UnfollowArtistAsync(string token, string artistId)
        {
            using var client = CreateClient(token);
            using var response = await client.DeleteAsync($"/v1/me/following?type=artist&ids={artistId}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>GET /readyz: the status code and the body.</summary>
        public async Task<(int Status, JsonElement Body)> ReadinessAsync()
        {
            using var client = CreateClient();
            using var response = await client.GetAsync("/readyz");
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }
}
