using Jukebox.Accounts.Tokens;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Tests.Tokens;

/// <summary>Token rows nobody can use any more are deleted once older than the retention; usable ones stay.</summary>
public sealed class TokenPruningTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private async Task<string?> StatusOfAsync(string tokenId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Id == tokenId).Select(t => t.Status).FirstOrDefaultAsync();
    }

    private async Task<string> NewestTokenIdAsync(string type)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Type == type)
            .OrderByDescending(t => t.CreationDate).ThenByDescending(t => t.Id).Select(t => t.Id!).FirstAsync();
    }

    [Fact]
    public async Task Expired_tokens_are_pruned_after_the_retention_and_a_refresh_token_still_refreshes()
    {
        var demo = OAuthClient.Demo(server);
        var (_, userToken) = await demo.TokenAsync([("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"),
            ("user_id", JukeboxTestServer.DemoUserId), ("scope", "user-read-private")]);
        var refreshToken = userToken.GetProperty("refresh_token").GetString()!;
        var accessRow = await NewestTokenIdAsync(TokenTypeIdentifiers.AccessToken);
        var refreshRow = await NewestTokenIdAsync(TokenTypeIdentifiers.RefreshToken);
        var pruning = server.Services.GetRequiredService<TokenPruning>();

        server.Clock.Advance(TimeSpan.FromDays(13));
        await pruning.PruneAsync(CancellationToken.None);
        Assert.NotNull(await StatusOfAsync(accessRow));

        server.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        await pruning.PruneAsync(CancellationToken.None);

        Assert.Null(await StatusOfAsync(accessRow));
        Assert.Equal("valid", await StatusOfAsync(refreshRow));
        var (status, refreshed) = await demo.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refreshToken)]);
        Assert.Equal(200, status);
        using var api = server.CreateClient(refreshed.GetProperty("access_token").GetString());
        using var me = await api.GetAsync("/v1/me");
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
    }
}
