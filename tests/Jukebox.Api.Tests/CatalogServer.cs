using Jukebox.Testing;

namespace Jukebox.Api.Tests;

/// <summary>One server with the demo catalog shared by the read-only catalog tests.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogServer : ICollectionFixture<JukeboxTestServer>
{
    public const string Name = "catalog";
}
