using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>The clock's offset is kept in the database: a server started again keeps the time it had.</summary>
public sealed class ClockRestartTests
{
    private sealed class ServerOn(TestDatabase database) : JukeboxTestServer
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;
    }

    [Fact]
    public async Task A_restarted_server_keeps_the_offset()
    {
        await using var database = await TestDatabase.CreateAsync();
        double offset;
        await using (var first = new ServerOn(database))
        {
            await first.InitializeAsync();
            offset = (await ClockTests.AdvanceAsync(first, 86_400)).GetProperty("offset_seconds").GetDouble();
        }

        await using var second = new ServerOn(database);
        await second.InitializeAsync();
        var clock = await ClockTests.ReadClockAsync(second);

        Assert.Equal(86_400, offset);
        Assert.Equal(86_400, clock.GetProperty("offset_seconds").GetDouble());
        Assert.Equal(second.Clock.GetUtcNow().AddDays(1), clock.GetProperty("now").GetDateTimeOffset());
    }
}
