using Jukebox.Data.Seeding;

namespace Jukebox.Data.Tests.Seeding;

public sealed class CatalogIdsTests
{
    [Theory]
    [InlineData("jukebox:artist:1", "4MiYOiRYwl887aZ12zTde6")]
    [InlineData("jukebox:track:1", "1kF1LveEHQu1HJ9Sowsdr2")]
    [InlineData("jukebox:album:42", "18eNyz5hMqaODUruxRbiWf")]
    [InlineData("jukebox:episode:3:7", "6PXGjaf2IRwyr1g7gawd6Q")]
    public void The_demo_catalog_keeps_its_ids(string seed, string id) => Assert.Equal(id, CatalogIds.FromSeed(seed));

    [Fact]
    public void An_item_is_named_by_its_kind_and_number() => Assert.Equal(CatalogIds.FromSeed("jukebox:track:1"), CatalogIds.For("track", 1));
}
