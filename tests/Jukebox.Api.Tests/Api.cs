using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jukebox.Testing;

namespace Jukebox.Api.Tests;

/// <summary>Requests to the API and the checks that every response of the same kind shares.</summary>
internal static class Api
{
    /// <summary>
    /// GETs <paramref name="url"/>, fails unless it answers 200 with a body that matches the spec for
    /// <paramref name="specPath"/>, and returns the body.
    /// </summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url, string specPath, string? nullableItemsOf = null)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        await SpotifySpec.AssertMatchesAsync(response, "GET", specPath, nullableItemsOf);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Fails unless GET <paramref name="url"/> answers exactly Spotify's error object.</summary>
    public static async Task AssertErrorAsync(this HttpClient client, string url, HttpStatusCode status, string message)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var expected = new JsonObject { ["error"] = new JsonObject { ["status"] = (int)status, ["message"] = message } };
        Assert.True(response.StatusCode == status && JsonNode.DeepEquals(expected, JsonNode.Parse(body)),
            $"GET {url}: expected {(int)status} {expected.ToJsonString()} but got {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Fails unless GET <paramref name="url"/> answers <paramref name="status"/> with an error object that says so.</summary>
    public static async Task AssertErrorStatusAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status} but got {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal((int)status, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    public static Task AssertBadRequestAsync(this HttpClient client, string url, string message) =>
        client.AssertErrorAsync(url, HttpStatusCode.BadRequest, message);

    /// <summary>
    /// Follows <c>next</c> from <paramref name="firstUrl"/> (written as the API writes its links:
    /// offset, limit, then the other parameters) to the last page and returns every item in order.
    /// Checks on every page that href is the page's own URL, previous is the page before, next is
    /// null exactly on the last page, total never changes and the page holds what limit promises.
    /// </summary>
    public static async Task<List<JsonElement>> WalkPagesAsync(
        this HttpClient client, Uri baseAddress, string firstUrl, string specPath, Func<JsonElement, JsonElement>? pagingOf = null)
    {
        var items = new List<JsonElement>();
        string? url = new Uri(baseAddress, firstUrl).AbsoluteUri;
        string? previousHref = null;
        int? total = null;
        while (url is not null)
        {
            var body = await client.GetOkAsync(url, specPath);
            var page = pagingOf is null ? body : pagingOf(body);
            Assert.Equal(url, page.Str("href"));
            Assert.Equal(items.Count, page.Int("offset"));
            Assert.Equal(previousHref, page.GetProperty("previous").GetString());
            total ??= page.Int("total");
            Assert.Equal(total, page.Int("total"));
            var pageItems = page.Array();
            Assert.Equal(Math.Min(page.Int("limit"), total.Value - items.Count), pageItems.Count);
            items.AddRange(pageItems);
            previousHref = url;
            url = page.GetProperty("next").GetString();
            Assert.Equal(items.Count < total, url is not null);
        }
        Assert.Equal(total, items.Count);
        return items;
    }
}
