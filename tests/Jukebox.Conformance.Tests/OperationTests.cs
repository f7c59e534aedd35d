using System.Net;
using Jukebox.Api.Http.Policies;
using Jukebox.Data.Entities;
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

    /// <summary>Every operation again for an app of each restricted API profile.</summary>
    public static TheoryData<string, string> ProfileOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (string operation in Operations())
        {
            data.Add(ApiProfiles.Restricted2024, operation);
            data.Add(ApiProfiles.Development2026, operation);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public Task Operation_answers_a_valid_request_as_the_spec_documents(string operation) => AssertServedAsync(target, operation, null);

    /// <summary>
    /// What the profile promises: an operation its table refuses answers that refusal, status and exact
    /// body; any other answers as the spec documents, less the fields the profile removes.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProfileOperations))]
    public async Task Operation_answers_an_app_of_a_restricted_profile_as_the_profile_promises(string profile, string operation)
    {
        var profiled = await target.ForProfileAsync(profile);
        if (ProfileTable.Table[operation].For(profile) is not { } refusal)
        {
            await AssertServedAsync(profiled, operation, profile == ApiProfiles.Development2026 ? RemovedNames : null);
            return;
        }
        Assert.True(Recipes.All.TryGetValue(operation, out var recipe), $"The suite has no request for {operation}.");
        using var request = await recipe.Build(profiled);
        using var response = await profiled.Http.SendAsync(request);
        var expected = refusal.Message is null
            ? $"{{\"error\":{{\"status\":{refusal.Status}}}}}"
            : $"{{\"error\":{{\"status\":{refusal.Status},\"message\":\"{refusal.Message}\"}}}}";
        Assert.Equal((refusal.Status, expected), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The names of the fields development mode removed, which its objects may lack though the spec requires them.</summary>
    private static readonly IReadOnlySet<string> RemovedNames = ProfileFields.Removed2026.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    private static async Task AssertServedAsync(ConformanceTarget target, string operation, IReadOnlySet<string>? mayBeAbsent)
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
        await SpotifySpec.AssertMatchesAsync(response, method, path, recipe.NullableItemsOf, mayBeAbsent);
        if (method == "GET" && status == 200 && (target.InProcess is not null || !MomentDependent.Contains(path)))
        {
            await AssertConditionalAsync(target, recipe, operation, sent, response);
        }
    }

    /// <summary>Player states carry the moment they describe (progress, timestamp); on a real clock they change between two requests.</summary>
    private static readonly HashSet<string> MomentDependent = ["/me/player", "/me/player/currently-playing"];

    /// <summary>
    /// Conditional requests (the concept page): a cacheable GET has an ETag and Cache-Control, and the
    /// same request with If-None-Match naming that ETag gets 304 with no body.
    /// </summary>
    private static async Task AssertConditionalAsync(ConformanceTarget target, Recipe recipe, string operation, string sent, HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        Assert.True(etag is not null, $"{sent} answered 200 without an ETag.");
        Assert.True(response.Headers.CacheControl is not null, $"{sent} answered 200 without Cache-Control.");
        using var again = await recipe.Build(target);
        again.Headers.IfNoneMatch.Add(etag);
        using var conditional = await target.Http.SendAsync(again);
        var body = await conditional.Content.ReadAsStringAsync();
        Assert.True(conditional.StatusCode == HttpStatusCode.NotModified && body.Length == 0,
            $"{operation} with If-None-Match {etag} answered {(int)conditional.StatusCode} {Truncate(body)}, not 304 without a body.");
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
