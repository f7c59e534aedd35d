using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>How every lookup answers ids that are malformed, unknown, or too many.</summary>
[Collection(CatalogServer.Name)]
public sealed class SpotifyIdsTests(JukeboxTestServer server)
{
    /// <summary>Ids that are not 22 base62 characters: too short, too long, a character outside base62, a URI.</summary>
    private static readonly string[] MalformedIds =
    [
        "4uLU6hMCjMI75M1A2tKUQ",
        "4uLU6hMCjMI75M1A2tKUQCx",
        "4uLU6hMCjMI75M1A2tKU-C",
        "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
    ];

    public static TheoryData<string, string> MalformedLookups()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Routes.ById)
        {
            foreach (var id in MalformedIds)
            {
                data.Add(path, id);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedLookups))]
    public async Task A_malformed_id_in_the_path_is_a_400(string path, string id)
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync(path.Replace("{id}", id, StringComparison.Ordinal), "Invalid base62 id");
    }

    [Theory]
    [MemberData(nameof(Routes.ById), MemberType = typeof(Routes))]
    public async Task An_unknown_well_formed_id_in_the_path_is_a_404(string path)
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorAsync(path.Replace("{id}", CatalogPicks.UnknownId, StringComparison.Ordinal), HttpStatusCode.NotFound, "non existing id");
    }

    [Theory]
    [MemberData(nameof(Routes.MultiGets), MemberType = typeof(Routes))]
    public async Task A_malformed_id_among_several_is_a_400(string path, string placeholder, int max, string array)
    {
        _ = (max, array);
        var good = Routes.Fill(await server.CatalogAsync(), placeholder);
        using var client = await server.CreateAppClientAsync();

        foreach (var id in MalformedIds)
        {
            await client.AssertBadRequestAsync($"{path}?ids={good},{id}", "Invalid base62 id");
        }
    }

    [Theory]
    [MemberData(nameof(Routes.MultiGets), MemberType = typeof(Routes))]
    public async Task A_multi_get_answers_as_many_ids_as_it_allows_and_refuses_one_more(string path, string placeholder, int max, string array)
    {
        var good = Routes.Fill(await server.CatalogAsync(), placeholder);
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"{path}?ids={string.Join(',', Enumerable.Repeat(good, max))}", path[3..], nullableItemsOf: array);
        Assert.Equal(Enumerable.Repeat(good, max), body.Ids(array));

        await client.AssertBadRequestAsync($"{path}?ids={string.Join(',', Enumerable.Repeat(good, max + 1))}", "Too many ids requested");
    }

    [Theory]
    [MemberData(nameof(Routes.MultiGets), MemberType = typeof(Routes))]
    public async Task A_multi_get_answers_null_in_place_of_an_unknown_id(string path, string placeholder, int max, string array)
    {
        _ = max;
        var good = Routes.Fill(await server.CatalogAsync(), placeholder);
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"{path}?ids={CatalogPicks.UnknownId},{good}", path[3..], nullableItemsOf: array);

        var items = body.Array(array);
        Assert.Equal(2, items.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[0].ValueKind);
        Assert.Equal(good, items[1].Str("id"));
    }
}
