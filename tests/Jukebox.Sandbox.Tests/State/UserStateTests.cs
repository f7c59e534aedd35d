using Jukebox.Data;
using Jukebox.Sandbox.State;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Tests.State;

/// <summary>A table added to the model must be placed: user-made (reset, snapshot, restore) or not.</summary>
public sealed class UserStateTests
{
    [Fact]
    public void Every_table_of_the_model_is_either_user_made_or_catalog_and_infrastructure()
    {
        using var db = new JukeboxDbContext(new DbContextOptionsBuilder<JukeboxDbContext>().UseSqlite("Data Source=:memory:").Options);
        var userMade = UserState.Tables.Select(t => t.Entity).ToHashSet();

        var unplaced = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => !userMade.Contains(t) && !UserState.NotUserMade.Contains(t)).Select(t => t.Name);
        var both = userMade.Intersect(UserState.NotUserMade).Select(t => t.Name);

        Assert.Empty(unplaced);
        Assert.Empty(both);
        Assert.Equal(UserState.Tables.Count, UserState.Tables.Select(t => t.Name).Distinct().Count());
    }
}
