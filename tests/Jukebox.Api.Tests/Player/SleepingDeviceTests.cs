using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>A server whose devices fall asleep after ten idle minutes (Player:SleepAfter).</summary>
public sealed class SleepingDevicesServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Player:SleepAfter", "00:10:00")];
}

/// <summary>With sleeping devices on, the first command to a sleeping device answers 202 and wakes it.</summary>
public sealed class SleepingDeviceTests(SleepingDevicesServer server) : IClassFixture<SleepingDevicesServer>
{
    private async Task<int> StatusOfAsync(PlayerUser user, HttpMethod method, string url, string json)
    {
        using var response = await user.SendAsync(method, url, json);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Play_and_transfer_to_a_sleeping_device_answer_202_once_then_act()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var speaker = await user.AddDeviceAsync("Speaker", "Speaker");
        var phone = await user.AddDeviceAsync("Phone", "Smartphone");
        var play = $$"""{"context_uri":"spotify:album:{{album.Id}}"}""";
        Assert.Equal(204, await StatusOfAsync(user, HttpMethod.Put, $"/v1/me/player/play?device_id={speaker}", play));
        server.Clock.Advance(TimeSpan.FromMinutes(11));

        // The phone has been idle for eleven minutes: asleep. The speaker plays, so it is awake.
        Assert.Equal(202, await StatusOfAsync(user, HttpMethod.Put, "/v1/me/player", $$"""{"device_ids":["{{phone}}"]}"""));
        Assert.Equal(speaker, (await user.RequireStateAsync()).GetProperty("device").Str("id"));
        Assert.Equal(204, await StatusOfAsync(user, HttpMethod.Put, "/v1/me/player", $$"""{"device_ids":["{{phone}}"]}"""));
        Assert.Equal(phone, (await user.RequireStateAsync()).GetProperty("device").Str("id"));

        // The speaker was left just now, so it is awake; once idle for ten minutes it sleeps again.
        Assert.Equal(204, await StatusOfAsync(user, HttpMethod.Put, $"/v1/me/player/play?device_id={speaker}", play));
        Assert.Equal(204, await StatusOfAsync(user, HttpMethod.Put, $"/v1/me/player/play?device_id={phone}", play));
        server.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(202, await StatusOfAsync(user, HttpMethod.Put, $"/v1/me/player/play?device_id={speaker}", play));
        Assert.Equal(phone, (await user.RequireStateAsync()).GetProperty("device").Str("id"));
        Assert.Equal(204, await StatusOfAsync(user, HttpMethod.Put, $"/v1/me/player/play?device_id={speaker}", play));
        Assert.Equal(speaker, (await user.RequireStateAsync()).GetProperty("device").Str("id"));
    }
}
