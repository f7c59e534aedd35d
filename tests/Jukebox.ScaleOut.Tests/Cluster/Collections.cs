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

/// <summary>Where a test runs among the tests of its class, for a class whose tests take turns disturbing one deployment.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsAsAttribute(int step) : Attribute
{
    public int Step { get; } = step;
}

/// <summary>Runs a class's tests by their <see cref="RunsAsAttribute"/> step.</summary>
public sealed class ByStep : ITestCaseOrderer
{
    public const string Name = "Jukebox.ScaleOut.Tests.Cluster.ByStep";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method.GetCustomAttributes(typeof(RunsAsAttribute))
            .Select(a => a.GetConstructorArguments().Cast<int>().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
