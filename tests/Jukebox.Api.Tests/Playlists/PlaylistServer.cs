using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>A server of its own for the playlist tests, which change data; every test works as users of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PlaylistServer : ICollectionFixture<JukeboxTestServer>
{
    public const string Name = "playlists";
}
