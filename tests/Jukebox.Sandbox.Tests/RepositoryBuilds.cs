using Xunit.Abstractions;
using Xunit.Sdk;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// Tests that run the SDK on the repository's server project (`dotnet run` in a walkthrough, `dotnet
/// pack` and `dotnet publish -r linux-x64` of the install tests) take turns, the install tests last:
/// a restore for a runtime rewrites the server's obj folder, so a `dotnet run` after it would build
/// the server again, over the jukebox.dll that other tests start at the same time.
/// </summary>
[CollectionDefinition(Name)]
[TestCaseOrderer("Jukebox.Sandbox.Tests.RepositoryBuilds", "Jukebox.Sandbox.Tests")]
public sealed class RepositoryBuilds : ITestCaseOrderer
{
    public const string Name = "repository builds";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.TestClass.Class.Name == typeof(InstallTests).FullName)
            .ThenBy(t => t.TestMethod.TestClass.Class.Name, StringComparer.Ordinal)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
