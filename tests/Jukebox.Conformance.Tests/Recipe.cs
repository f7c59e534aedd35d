using System.Net.Http.Json;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// How to send one operation a valid request: <see cref="Build"/> first prepares what the operation
/// needs (through <see cref="ConformanceTarget.SetupAsync"/>) and then returns the request to check.
/// </summary>
/// <param name="Status">
/// The one documented answer that is right after the preparation (GET /me/player is 200 while
/// something plays, never its also documented 204); null accepts every documented success.
/// </param>
/// <param name="NullableItemsOf">An array whose entries the service may answer as null (see SpotifySpec).</param>
internal sealed record Recipe(Func<ConformanceTarget, Task<HttpRequestMessage>> Build, int? Status = null, string? NullableItemsOf = null)
{
    public static Recipe Get(Func<ConformanceTarget, Task<string>> url, int? status = null, string? nullableItemsOf = null) =>
        new(async t => new HttpRequestMessage(HttpMethod.Get, await url(t)), status, nullableItemsOf);

    /// <summary>A request with a JSON body (none when <paramref name="body"/> gives null).</summary>
    public static Recipe Send(HttpMethod method, Func<ConformanceTarget, Task<string>> url, Func<ConformanceTarget, Task<object?>>? body = null) =>
        new(async t =>
        {
            var request = new HttpRequestMessage(method, await url(t));
            if (body is not null && await body(t) is { } json)
            {
                request.Content = JsonContent.Create(json);
            }
            return request;
        });

    public static Recipe Put(Func<ConformanceTarget, Task<string>> url, Func<ConformanceTarget, Task<object?>>? body = null) => Send(HttpMethod.Put, url, body);
    public static Recipe Post(Func<ConformanceTarget, Task<string>> url, Func<ConformanceTarget, Task<object?>>? body = null) => Send(HttpMethod.Post, url, body);
    public static Recipe Delete(Func<ConformanceTarget, Task<string>> url, Func<ConformanceTarget, Task<object?>>? body = null) => Send(HttpMethod.Delete, url, body);
}
