using Jukebox.Api.Player;
using Jukebox.Data.Entities;
using Microsoft.Extensions.Time.Testing;

namespace Jukebox.Api.Tests.Player;

public sealed class PlaybackClockTests
{
    private static readonly DateTimeOffset ServerNow = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_user_without_playback_is_on_the_server_clock()
    {
        var reading = PlaybackClock.Read(new FakeTimeProvider(ServerNow), null);

        Assert.Equal(ServerNow, reading.Now);
        Assert.Equal(ServerNow, reading.ServerNow);
    }

    [Fact]
    public void The_sandbox_offset_moves_the_users_clock_and_the_devices_expiry_with_it()
    {
        var session = new PlayerSession { UserId = "u", ClockOffsetMs = 90_000 };

        var reading = PlaybackClock.Read(new FakeTimeProvider(ServerNow), session);

        Assert.Equal(ServerNow.AddSeconds(90), reading.Now);
        Assert.Equal(ServerNow, reading.ServerNow);
        Assert.Equal(ServerNow.AddSeconds(100), reading.OnPlaybackClock(ServerNow.AddSeconds(10)));
    }
}
