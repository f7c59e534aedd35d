using Jukebox.Api.Playlists.Order;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Playlists;

/// <summary>
/// What an edit decided, for <see cref="ChangeTransaction"/> to write: its log entry, the rows it
/// adds, removes and gives new keys, a new name or flags, and the order of the items after it.
/// </summary>
public sealed record Edit(PlaylistChange Change)
{
    public PlaylistDetails? Details { get; init; }

    /// <summary>Every item is deleted first (a replace).</summary>
    public bool RemovesAll { get; init; }

    /// <summary>Every key is renumbered first (<see cref="OrderStore.RenumberAsync"/>), before <see cref="Rekeyed"/>.</summary>
    public bool Renumbers { get; init; }

    public IReadOnlyList<Rekey> Rekeyed { get; init; } = [];

    /// <summary>Row ids of the items removed.</summary>
    public IReadOnlyList<long> Removed { get; init; } = [];

    public IReadOnlyList<(PlaylistItemRow Row, long Key)> Added { get; init; } = [];

    /// <summary>
    /// The order after the edit from the added items' row ids (known once saved), or null when the
    /// items did not change.
    /// </summary>
    public Func<IReadOnlyList<long>, ChunkedOrder>? OrderAfter { get; init; }
}

/// <summary>A playlist's details after a change: a null name or description keeps the current one.</summary>
public sealed record PlaylistDetails(string? Name, string? Description, bool Public, bool Collaborative);
