using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Jukebox.ScaleOut.Tests.Cluster.OutagesLast", "Jukebox.ScaleOut.Tests")]

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>One deployment that the cross-node tests share; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "scale-out";
}

/// <summary>
/// A deployment of its own for the tests that take Redis or PostgreSQL away, run after the others so
/// that an outage (or a node that does not recover from one) cannot disturb them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "scale-out outages";
}

public sealed class OutagesLast : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == OutageCollection.Name).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
