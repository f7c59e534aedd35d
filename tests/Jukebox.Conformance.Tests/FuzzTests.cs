using System.Net.Http.Headers;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// Every operation of the spec sent malformed: ids, URIs, limits and offsets, JSON of the wrong type,
/// broken, empty and oversized bodies, other content types and methods (see <see cref="FuzzCases"/>).
/// None may fail on the server (5xx), and every client error is Spotify's error object with the
/// response's own status. Seeded, so every run sends the same requests.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class FuzzTests(ConformanceTarget target)
{
    private const int Seed = 20_251_206;

    [Fact]
    public async Task Malformed_requests_to_every_operation_get_spotifys_client_error_and_never_a_server_error()
    {
        var spec = await SpotifySpec.LoadAsync();
        var cases = new FuzzCases(new Random(Seed));
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in await SpotifySpec.OperationsAsync())
        {
            var space = operation.IndexOf(' ', StringComparison.Ordinal);
            var (method, path) = (operation[..space], operation[(space + 1)..]);
            var basis = await BasisAsync(operation, path);
            var pathItem = spec.Paths[path];
            foreach (var fuzz in cases.For(basis, pathItem, pathItem[method.ToLowerInvariant()]))
            {
                sent++;
                if (await CheckAsync(fuzz) is { } failure)
                {
                    failures.Add($"{operation}, {fuzz.What}: {fuzz.Method} {Shorten(fuzz.Url)} {failure}");
                }
            }
        }

        Assert.True(sent > 2_000, $"Only {sent} requests were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were answered wrongly:\n{string.Join('\n', failures.Take(150))}");
    }

    /// <summary>The operation's valid request (its recipe, prepared as for the operation tests).</summary>
    private async Task<FuzzCases.Basis> BasisAsync(string operation, string path)
    {
        Assert.True(Recipes.All.TryGetValue(operation, out var recipe), $"The suite has no request for {operation}.");
        using var request = await recipe.Build(target);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
        return FuzzCases.Split(request, path, body);
    }

    /// <summary>Null when the answer is right, else what is wrong with it.</summary>
    private async Task<string?> CheckAsync(FuzzCases.Case fuzz)
    {
        using var request = new HttpRequestMessage(fuzz.Method, fuzz.Url);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is { Length: > 0 } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }
        using var response = await target.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"answered {status} {Shorten(body)}";
        }
        if (status < 400)
        {
            return null;
        }
        return ErrorObjectProblem(body, status, response.Content.Headers.ContentType) is { } problem
            ? $"answered {status} {Shorten(body)}: {problem}"
            : null;
    }

    private static string? ErrorObjectProblem(string body, int status, MediaTypeHeaderValue? type)
    {
        if (type?.MediaType != "application/json")
        {
            return $"Content-Type {type}, not application/json";
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return "no error object";
            }
            if (!error.TryGetProperty("status", out var errorStatus) || errorStatus.ValueKind != JsonValueKind.Number
                || !errorStatus.TryGetInt32(out var number) || number != status)
            {
                return "error.status is not the response's status";
            }
            return error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? null
                : "error.message is not a string";
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
    }

    private static string Shorten(string text) => text.Length > 160 ? $"{text[..160]}… ({text.Length} chars)" : text;
}
