using System.Net;
using System.Text.Json;
using Jukebox.Api.Tests.Library;
using Jukebox.Testing;
using static Jukebox.Api.Tests.Library.LibraryUsers;

namespace Jukebox.Api.Tests.Users;

/// <summary>Following artists and users: /me/following, its cursor paging and contains, and follower totals.</summary>
[Collection(CatalogServer.Name)]
public sealed class FollowsTests(JukeboxTestServer server)
{
    private const string Following = "/me/following";

    private async Task<List<string>> ArtistIdsAsync(int count) =>
        [.. (await server.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).Skip(40).Take(count)];

    private async Task<long> ArtistFollowersAsync(HttpClient client, string artistId) =>
        (await client.GetOkAsync($"/v1/artists/{artistId}", "/artists/{id}")).GetProperty("followers").GetProperty("total").GetInt64();

    private async Task<long> UserFollowersAsync(HttpClient client, string userId) =>
        (await client.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}")).GetProperty("followers").GetProperty("total").GetInt64();

    [Fact]
    public async Task Followed_artists_are_paged_by_cursor_in_id_order()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await ArtistIdsAsync(7);
        var shuffled = ids.OrderBy(id => id.GetHashCode(StringComparison.Ordinal)).ToList();
        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={string.Join(',', shuffled)}", Following, status: HttpStatusCode.NoContent);

        var seen = new List<string>();
        string? url = $"{server.BaseAddress}v1/me/following?type=artist&limit=3";
        while (url is not null)
        {
            var artists = (await GetFollowingAsync(client, url)).GetProperty("artists");
            Assert.Equal(url, artists.Str("href"));
            Assert.Equal(3, artists.Int("limit"));
            Assert.Equal(7, artists.Int("total"));
            var page = artists.Ids();
            seen.AddRange(page);
            var next = artists.GetProperty("next").GetString();
            var after = artists.GetProperty("cursors").GetProperty("after").GetString();
            Assert.Equal(next is null ? null : page[^1], after);
            Assert.Equal(next is null ? null : $"{server.BaseAddress}v1/me/following?type=artist&after={page[^1]}&limit=3", next);
            url = next;
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
        var rest = (await GetFollowingAsync(client, $"/v1/me/following?type=artist&after={ids[1]}")).GetProperty("artists");
        Assert.Equal(ids.Skip(2), rest.Ids());
        Assert.Equal(20, rest.Int("limit"));
    }

    [Fact]
    public async Task Following_an_artist_adds_one_to_its_followers_once_and_unfollowing_takes_it_away()
    {
        var (_, alice) = await server.NewLibraryUserAsync();
        var (_, bob) = await server.NewLibraryUserAsync();
        var artist = (await ArtistIdsAsync(1))[0];
        var before = await ArtistFollowersAsync(alice, artist);

        await alice.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", Following, status: HttpStatusCode.NoContent);
        await alice.WriteOkAsync(HttpMethod.Put, "/v1/me/following?type=artist", Following, IdsBody(artist), HttpStatusCode.NoContent);
        await bob.WriteOkAsync(HttpMethod.Put, "/v1/me/following?type=artist", Following, IdsBody(artist), HttpStatusCode.NoContent);
        var followed = await ArtistFollowersAsync(alice, artist);
        await alice.WriteOkAsync(HttpMethod.Delete, "/v1/me/following?type=artist", Following, IdsBody(artist), HttpStatusCode.NoContent);
        await alice.WriteOkAsync(HttpMethod.Delete, $"/v1/me/following?type=artist&ids={artist}", Following, status: HttpStatusCode.NoContent);

        Assert.Equal(before + 2, followed);
        Assert.Equal(before + 1, await ArtistFollowersAsync(alice, artist));
        var several = await alice.GetOkAsync($"/v1/artists?ids={artist}", "/artists", nullableItemsOf: "artists");
        Assert.Equal(before + 1, several.Array("artists")[0].GetProperty("followers").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Concurrent_follows_of_one_artist_count_once()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var artist = (await ArtistIdsAsync(2))[1];
        var before = await ArtistFollowersAsync(client, artist);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(before + 1, await ArtistFollowersAsync(client, artist));
    }

    [Fact]
    public async Task Following_users_shows_in_their_followers_and_in_contains()
    {
        var (aliceId, alice) = await server.NewLibraryUserAsync();
        var (bobId, bob) = await server.NewLibraryUserAsync();
        var carolId = await server.NewUserAsync();

        await alice.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=user&ids={bobId},{carolId}", Following, status: HttpStatusCode.NoContent);
        await bob.WriteOkAsync(HttpMethod.Put, "/v1/me/following?type=user", Following, Json(carolId), HttpStatusCode.NoContent);

        Assert.Equal(1, await UserFollowersAsync(alice, bobId));
        Assert.Equal(2, await UserFollowersAsync(alice, carolId));
        Assert.Equal(0, await UserFollowersAsync(alice, aliceId));
        var me = await bob.GetOkAsync("/v1/me", "/me");
        Assert.Equal(1, me.GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal([true, true, false], await alice.ContainsAsync($"/v1/me/following/contains?type=user&ids={bobId},{carolId},{aliceId}", "/me/following/contains"));

        await alice.WriteOkAsync(HttpMethod.Delete, "/v1/me/following?type=user", Following, IdsBody(carolId), HttpStatusCode.NoContent);
        Assert.Equal(1, await UserFollowersAsync(alice, carolId));
        Assert.Equal([true, false], await alice.ContainsAsync($"/v1/me/following/contains?type=user&ids={bobId},{carolId}", "/me/following/contains"));
    }

    [Fact]
    public async Task Contains_answers_each_artist_in_order()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await ArtistIdsAsync(2);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={ids[1]}", Following, status: HttpStatusCode.NoContent);

        var answer = await client.ContainsAsync($"/v1/me/following/contains?type=artist&ids={ids[1]},{ids[0]},{CatalogPicks.UnknownId}", "/me/following/contains");

        Assert.Equal([true, false, false], answer);
    }

    [Fact]
    public async Task Unknown_artists_and_users_are_404_and_nothing_is_followed()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var artist = (await ArtistIdsAsync(1))[0];
        var before = await ArtistFollowersAsync(client, artist);

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist},{CatalogPicks.UnknownId}", HttpStatusCode.NotFound, "non existing id");
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/following?type=user&ids=nobody-of-that-name", HttpStatusCode.NotFound, "non existing id");

        Assert.Equal([false], await client.ContainsAsync($"/v1/me/following/contains?type=artist&ids={artist}", "/me/following/contains"));
        Assert.Equal(before, await ArtistFollowersAsync(client, artist));
    }

    [Fact]
    public async Task Type_ids_limit_and_cursor_are_checked()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var artist = (await ArtistIdsAsync(1))[0];
        var fifty = string.Join(',', Enumerable.Range(0, 50).Select(i => $"{i:D22}"));

        await client.AssertBadRequestAsync("/v1/me/following", "Missing parameter type");
        await client.AssertBadRequestAsync("/v1/me/following?type=user", "Only valid type is artist");
        await client.AssertBadRequestAsync("/v1/me/following?type=artist&limit=0", "Invalid limit");
        await client.AssertBadRequestAsync("/v1/me/following?type=artist&limit=51", "Invalid limit");
        await client.AssertBadRequestAsync("/v1/me/following?type=artist&after=not-an-id", "Invalid base62 id");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?ids={artist}", HttpStatusCode.BadRequest, "Missing parameter type");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?type=album&ids={artist}", HttpStatusCode.BadRequest, "Invalid type");
        await client.AssertErrorAsync(HttpMethod.Delete, "/v1/me/following?type=artist", HttpStatusCode.BadRequest, "Missing required field: ids");
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/following?type=artist", HttpStatusCode.BadRequest, "Malformed json", "{\"ids\":");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={fifty},{artist}", HttpStatusCode.BadRequest, "Too many ids requested");
        await client.AssertBadRequestAsync($"/v1/me/following/contains?type=artist&ids={fifty},{artist}", "Too many ids requested");
        await client.AssertBadRequestAsync($"/v1/me/following/contains?ids={artist}", "Missing parameter type");
        Assert.Equal(50, (await client.ContainsAsync($"/v1/me/following/contains?type=artist&ids={fifty}", "/me/following/contains")).Count);
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1/me/following?type=artist&ids={fifty}", Following, status: HttpStatusCode.NoContent);
        Assert.Equal(50, (await GetFollowingAsync(client, "/v1/me/following?type=artist&limit=50")).GetProperty("artists").Int("limit"));
    }

    [Fact]
    public async Task Each_operation_needs_its_follow_scope_and_a_user()
    {
        var userId = await server.NewUserAsync();
        var artist = (await ArtistIdsAsync(1))[0];
        using var readOnly = await server.UserClientAsync(userId, FollowRead);
        using var modifyOnly = await server.UserClientAsync(userId, FollowModify);
        using var app = await server.CreateAppClientAsync();

        await modifyOnly.AssertErrorAsync("/v1/me/following?type=artist", HttpStatusCode.Forbidden, "Insufficient client scope");
        await modifyOnly.AssertErrorAsync($"/v1/me/following/contains?type=artist&ids={artist}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await readOnly.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await readOnly.AssertErrorAsync(HttpMethod.Delete, $"/v1/me/following?type=artist&ids={artist}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await app.AssertErrorAsync("/v1/me/following?type=artist", HttpStatusCode.Unauthorized, "Unauthorized");
        await app.AssertErrorAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", HttpStatusCode.Unauthorized, "Unauthorized");

        await modifyOnly.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", Following, status: HttpStatusCode.NoContent);
        Assert.Equal([true], await readOnly.ContainsAsync($"/v1/me/following/contains?type=artist&ids={artist}", "/me/following/contains"));
    }

    [Fact]
    public async Task The_followed_artists_etag_changes_when_a_follower_count_changes()
    {
        var (_, alice) = await server.NewLibraryUserAsync();
        var (_, bob) = await server.NewLibraryUserAsync();
        var artist = (await ArtistIdsAsync(3))[2];
        await alice.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", Following, status: HttpStatusCode.NoContent);
        using var first = await alice.GetAsync("/v1/me/following?type=artist");
        var etag = first.Headers.ETag!;

        using var unchanged = await SendWithEtagAsync(alice, etag);
        await bob.WriteOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}", Following, status: HttpStatusCode.NoContent);
        using var changed = await SendWithEtagAsync(alice, etag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(changed.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 0 });
    }

    [Fact]
    public async Task The_demo_user_follows_some_artists_and_the_spotify_user()
    {
        using var client = await server.UserClientAsync(JukeboxTestServer.DemoUserId, FollowRead);

        var artists = (await GetFollowingAsync(client, "/v1/me/following?type=artist")).GetProperty("artists");

        Assert.True(artists.Int("total") > 0);
        Assert.Equal([true], await client.ContainsAsync("/v1/me/following/contains?type=user&ids=spotify", "/me/following/contains"));
    }

    private static async Task<HttpResponseMessage> SendWithEtagAsync(HttpClient client, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/me/following?type=artist");
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    /// <summary>GET /me/following, validated against the spec (whose loader allows the last page's null cursors).</summary>
    private static async Task<JsonElement> GetFollowingAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        await SpotifySpec.AssertMatchesAsync(response, "GET", Following);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
