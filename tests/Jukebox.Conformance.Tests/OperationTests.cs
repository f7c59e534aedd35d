using System.Net;
using Jukebox.Testing;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// Every operation of spec/fixed-spotify-open-api.yml, one test case each: a valid request must get
/// a success the spec documents for it, with a body that matches the spec's schema.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class OperationTests(ConformanceTarget target)
{
    /// <summary>The operations, read from the spec itself, so an operation without a recipe fails too.</summary>
    public static TheoryData<string> Operations()
    {
        // Theory data is synchronous; the spec loads on the thread pool, away from any test context.
        var operations = Task.Run(SpotifySpec.OperationsAsync).GetAwaiter().GetResult();
        return new TheoryData<string>(operations);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_answers_a_valid_request_as_the_spec_documents(string operation)
    {
        Assert.True(Recipes.All.TryGetValue(operation, out var recipe), $"The suite has no request for {operation}.");
        var (method, path) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        using var request = await recipe.Build(target);
        Assert.Equal(method, request.Method.Method);
        using var response = await target.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var sent = $"{request.Method} {request.RequestUri}";
        var status = (int)response.StatusCode;

        Assert.False(IsUnimplemented(response, body), $"{operation} is not implemented: {sent} answered {status} {body}");
        var documented = (await SpotifySpec.LoadAsync()).Paths[path][method.ToLowerInvariant()].ActualResponses.Keys
            .Where(code => code.StartsWith('2'))
            .Select(int.Parse)
            .ToList();
        Assert.True(recipe.Status is { } expected ? status == expected : documented.Contains(status),
            $"{sent} answered {status}, but the spec documents {string.Join(" or ", recipe.Status is { } s ? [s] : documented)}: {Truncate(body)}");
        if (body.Length > 0)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
                $"{sent} answered with Content-Type {response.Content.Headers.ContentType}, not application/json.");
        }
        await SpotifySpec.AssertMatchesAsync(response, method, path, recipe.NullableItemsOf);
    }

    [Fact]
    public async Task Every_request_of_the_suite_is_for_an_operation_of_the_spec()
    {
        var operations = await SpotifySpec.OperationsAsync();
        Assert.Empty(Recipes.All.Keys.Except(operations, StringComparer.Ordinal));
        Assert.Equal(97, operations.Count);
    }

    /// <summary>A route the server does not have: 404 Service not found, or 405 when the path exists for other methods.</summary>
    private static bool IsUnimplemented(HttpResponseMessage response, string body) =>
        (response.StatusCode == HttpStatusCode.NotFound && body.Contains("Service not found", StringComparison.Ordinal))
        || response.StatusCode == HttpStatusCode.MethodNotAllowed;

    private static string Truncate(string body) => body.Length > 1000 ? body[..1000] + "…" : body;
}
