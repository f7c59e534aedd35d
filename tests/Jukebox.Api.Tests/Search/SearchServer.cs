using System.Text.Json;
using Jukebox.Api.Search;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Search;

internal static class SearchServer
{
    /// <summary>Waits until the server's search indexes are built (they are built in the background at start).</summary>
    public static async Task SearchReadyAsync(this JukeboxTestServer server)
    {
        await server.Services.GetRequiredService<CatalogSearchIndex>().ForAsync(await server.CatalogAsync());
        await server.Services.GetRequiredService<PlaylistSearchIndex>().ReadyAsync();
    }

    /// <summary>A search that must answer 200 with a body the spec accepts.</summary>
    public static async Task<JsonElement> SearchAsync(this JukeboxTestServer server, string q, string type, string extra = "")
    {
        await server.SearchReadyAsync();
        using var client = await server.CreateAppClientAsync();
        return await client.GetOkAsync($"/v1/search?q={Uri.EscapeDataString(q)}&type={type}{extra}", "/search");
    }

    public static List<string> Names(this JsonElement paging) => [.. paging.Array().Select(i => i.Str("name"))];
}
