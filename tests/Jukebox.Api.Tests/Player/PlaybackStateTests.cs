using System.Collections.Immutable;
using Jukebox.Api.Player;

namespace Jukebox.Api.Tests.Player;

/// <summary>The state machine on its own: what plays at an instant follows from the stored state alone.</summary>
public sealed class PlaybackStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Three items of 100, 200 and 300 seconds.</summary>
    private static readonly ImmutableArray<string> Items = ["spotify:track:a", "spotify:track:b", "spotify:track:c"];

    private static long Duration(string uri) => uri[^1] switch { 'a' => 100_000, 'b' => 200_000, _ => 300_000 };

    private static PlaybackState Playing(int start = 0) =>
        new PlaybackState { DeviceId = "d" }.Load(Start, "spotify:album:x", Items, start, 0, shuffleSeed: 7).State;

    [Fact]
    public void The_same_state_and_instant_always_give_the_same_answer_whatever_the_steps_in_between()
    {
        var state = Playing();

        var atOnce = state.At(Start.AddSeconds(350), Duration);
        var inSteps = state.At(Start.AddSeconds(120), Duration).State.At(Start.AddSeconds(350), Duration);

        Assert.Equal(atOnce.State, inSteps.State);
        Assert.Equal("spotify:track:c", atOnce.State.CurrentUri);
        Assert.Equal(50_000, atOnce.State.ProgressAt(Start.AddSeconds(350)));
        Assert.Equal(["spotify:track:a", "spotify:track:b"], atOnce.Ended.Select(e => e.Uri));
        Assert.Equal([Start.AddSeconds(100), Start.AddSeconds(300)], atOnce.Ended.Select(e => e.EndedAt));
    }

    [Fact]
    public void When_the_device_goes_away_playback_stops_at_that_instant()
    {
        var (state, ended) = Playing().At(Start.AddSeconds(500), Duration, stopAt: Start.AddSeconds(130));

        Assert.False(state.IsPlaying);
        Assert.Null(state.DeviceId);
        Assert.Equal("spotify:track:b", state.CurrentUri);
        Assert.Equal(30_000, state.ProgressAt(Start.AddSeconds(500)));
        Assert.Single(ended);
    }

    [Fact]
    public void A_shuffled_order_depends_only_on_its_seed_and_starts_with_the_chosen_item()
    {
        var first = PlaybackState.ShuffledOrder(50, 17, seed: 1234);
        var again = PlaybackState.ShuffledOrder(50, 17, seed: 1234);
        var other = PlaybackState.ShuffledOrder(50, 17, seed: 4321);

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.NotEqual(first.ToArray(), other.ToArray());
        Assert.Equal(17, first[0]);
        Assert.Equal(Enumerable.Range(0, 50), first.Order());
    }

    [Fact]
    public void With_repeat_context_the_upcoming_items_wrap_and_without_repeat_they_end_with_the_context()
    {
        var state = Playing(start: 1);

        Assert.Equal(["spotify:track:c"], state.Upcoming(5));
        Assert.Equal(["spotify:track:c", "spotify:track:a", "spotify:track:b", "spotify:track:c"], state.SetRepeat("context").Upcoming(4));
    }

    [Fact]
    public void Years_on_repeat_end_in_a_stopped_state_rather_than_an_endless_loop()
    {
        var state = Playing().SetRepeat("track");

        var (after, ended) = state.At(Start.AddYears(10), Duration);

        Assert.False(after.IsPlaying);
        Assert.Equal(200_000, ended.Count);
    }
}
