using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NSwag;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// Malformed variants of one valid request (an operation's recipe): each changes one thing (a path
/// parameter, a query parameter, the body, its content type, the method) to a value drawn from
/// <see cref="Random"/>, so a seed gives the same cases every run.
/// </summary>
internal sealed class FuzzCases(Random random)
{
    /// <summary>A request as bytes, ready to send any number of times.</summary>
    public sealed record Case(string What, HttpMethod Method, string Url, byte[]? Body, string? ContentType);

    /// <summary>The valid request split into what the cases change.</summary>
    public sealed record Basis(HttpMethod Method, string[] Segments, HashSet<int> ParameterSegments,
        List<KeyValuePair<string, string>> Query, string? Body, string? ContentType);

    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "PATCH"];

    private static readonly string[] BadStrings =
    [
        "", " ", "!", "a b", "ü", "%", "%00", "\u0000", "../..", "null", "{}", "[]", "'", "\"", "<x>", ",", ",,,", "🎵",
        "0", "-1", "1e999", "99999999999999999999", "spotify:", "spotify:track:", "spotify:track:!!", "spotify:track:a:b",
        "spotify:user:x:playlist:y", "spotify:local:a:b:c:1", "spotify:artist:0000000000000000000000", "http://example.test/x",
        "4iV5W9uYEdYUVa79Axb7Rh,", "4iV5W9uYEdYUVa79Axb7Rh4iV5W9uYEdYUVa79Axb7Rh", "0000000000000000000000",
    ];

    private static readonly string[] BadNumbers =
    [
        "", "-1", "0", "1.5", "1e3", "abc", "2147483648", "-2147483649", "99999999999999999999", " 5", "0x10", "NaN",
        "Infinity", "+3", "1,2", "9223372036854775808", "-0",
    ];

    private static readonly string[] MalformedJson =
    [
        "{", "}", "[", "{\"a\":}", "\"unterminated", "nul", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "[1,2", "{\"a\":1}}",
        "\u00ff\u00fe", "{\"a\":\"\\ud800\"}", "{\"a\":01}", "{\"a\":NaN}",
    ];

    private static readonly string[] WrongTopLevel = ["null", "123", "\"text\"", "[]", "true", "{}", "[{}]", "-1.5e300"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "application/json; charset=utf-16", "image/jpeg", "garbage", "application/xml",
    ];

    public static Basis Split(HttpRequestMessage request, string template, string? body)
    {
        var uri = request.RequestUri!.OriginalString;
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? uri : uri[..queryStart];
        var segments = path.Split('/');
        var templateSegments = ("/v1" + template).Split('/');
        var parameters = Enumerable.Range(0, templateSegments.Length).Where(i => templateSegments[i].StartsWith('{')).ToHashSet();
        var query = queryStart < 0 ? [] : uri[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? "")))
            .ToList();
        return new Basis(request.Method, segments, parameters, query, body, request.Content?.Headers.ContentType?.ToString());
    }

    public IEnumerable<Case> For(Basis basis, OpenApiPathItem pathItem, OpenApiOperation operation)
    {
        foreach (var index in basis.ParameterSegments)
        {
            for (var i = 0; i < 3; i++)
            {
                // Kestrel itself refuses a NUL in the path (an empty 400) before the app sees the request.
                var value = Pick(BadStrings).Replace("\u0000", "", StringComparison.Ordinal);
                var segments = basis.Segments.ToArray();
                segments[index] = Uri.EscapeDataString(value);
                yield return Make(basis, $"path segment {index} = {Show(value)}", url: string.Join('/', segments));
            }
            var many = string.Join(',', Enumerable.Repeat(basis.Segments[index], 60));
            var longSegments = basis.Segments.ToArray();
            longSegments[index] = Uri.EscapeDataString(many);
            yield return Make(basis, $"path segment {index} = 60 ids", url: string.Join('/', longSegments));
        }

        var queryParameters = operation.ActualParameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList();
        foreach (var parameter in queryParameters)
        {
            var numeric = parameter.ActualSchema.Type.HasFlag(JsonObjectType.Integer) || parameter.ActualSchema.Type.HasFlag(JsonObjectType.Number);
            for (var i = 0; i < 3; i++)
            {
                var value = numeric && i < 2 ? Pick(BadNumbers) : Pick(BadStrings);
                yield return Make(basis, $"{parameter.Name}={Show(value)}", query: With(basis.Query, parameter.Name, value));
            }
            yield return Make(basis, $"{parameter.Name} twice", query: [.. basis.Query, KeyValuePair.Create(parameter.Name, Pick(BadStrings))]);
            // Short of Kestrel's own 8 KB limit on the request line (414 without a body).
            yield return Make(basis, $"{parameter.Name} of 500 items", query: With(basis.Query, parameter.Name,
                string.Join(',', Enumerable.Range(0, 500).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            if (basis.Query.Any(q => q.Key == parameter.Name))
            {
                yield return Make(basis, $"without {parameter.Name}", query: [.. basis.Query.Where(q => q.Key != parameter.Name)]);
            }
        }

        var sendsBody = basis.Method != HttpMethod.Get;
        if (sendsBody)
        {
            foreach (var text in MalformedJson.OrderBy(_ => random.Next()).Take(5).Concat(WrongTopLevel))
            {
                yield return Make(basis, $"body {Show(text)}", body: text, contentType: "application/json");
            }
            yield return Make(basis, "empty JSON body", body: "", contentType: "application/json");
            yield return Make(basis, "invalid UTF-8", contentType: "application/json") with { Body = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'] };
            yield return Make(basis, "JSON nested 1,000 deep", body: new string('[', 1000) + new string(']', 1000), contentType: "application/json");
            yield return Make(basis, "a 3 MB string", body: $"{{\"name\":\"{new string('x', 3_000_000)}\"}}", contentType: "application/json");
            yield return Make(basis, "3 MB of garbage", body: new string('\u00e9', 1_500_000), contentType: "application/octet-stream");
            foreach (var property in BodyProperties(basis, operation))
            {
                // PostgreSQL's text cannot hold a NUL, SQLite's can: the same request must get the same answer.
                var (withNul, nulBody) = WithProperty(basis.Body, property, JsonValue.Create("a\u0000b"));
                yield return Make(basis, withNul, body: nulBody, contentType: "application/json");
                for (var i = 0; i < 3; i++)
                {
                    var (description, changed) = WithProperty(basis.Body, property, WrongValue());
                    yield return Make(basis, description, body: changed, contentType: "application/json");
                }
            }
            if (basis.Body is not null)
            {
                yield return Make(basis, "body in another content type", contentType: Pick(ContentTypes));
                yield return Make(basis, "body without a content type", contentType: "");
            }
        }

        var defined = pathItem.Keys.Select(k => k.ToUpperInvariant()).ToHashSet();
        foreach (var method in Methods.Where(m => !defined.Contains(m)))
        {
            yield return Make(basis, $"method {method}", method: new HttpMethod(method));
        }
    }

    /// <summary>The body's properties the spec names, and any the valid body has.</summary>
    private static IEnumerable<string> BodyProperties(Basis basis, OpenApiOperation operation)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true && media.Schema is { } schema)
        {
            names.UnionWith(schema.ActualSchema.ActualProperties.Keys);
        }
        if (AsObject(basis.Body) is { } valid)
        {
            names.UnionWith(valid.Select(p => p.Key));
        }
        return names;
    }

    private static (string, string) WithProperty(string? body, string property, JsonNode? value)
    {
        var json = AsObject(body) ?? [];
        json[property] = value;
        var text = json.ToJsonString();
        return ($"body {property} = {Show(value?.ToJsonString() ?? "null")}", text);
    }

    private JsonNode? WrongValue() => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(123),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(Pick(BadStrings)),
        5 => JsonValue.Create(true),
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => new JsonArray(1, "a", null, new JsonObject()),
        9 => new JsonObject { ["x"] = 1, ["position"] = "first" },
        10 => JsonValue.Create(new string('q', 100_000)),
        11 => new JsonArray([.. Enumerable.Range(0, 10_000).Select(n => (JsonNode)JsonValue.Create($"spotify:track:{n}"))]),
        12 => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(-2147483649L),
    };

    /// <summary>The valid body as a JSON object; null when it is none (the image upload's body is base64 text).</summary>
    private static JsonObject? AsObject(string? body)
    {
        try
        {
            return body is { Length: > 0 } ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> query, string name, string value) =>
        [.. query.Where(q => q.Key != name), KeyValuePair.Create(name, value)];

    private static Case Make(Basis basis, string what, HttpMethod? method = null, string? url = null,
        List<KeyValuePair<string, string>>? query = null, string? body = null, string? contentType = null)
    {
        var path = url ?? string.Join('/', basis.Segments);
        var pairs = query ?? basis.Query;
        var full = pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var content = body ?? basis.Body;
        return new Case(what, method ?? basis.Method, full, content is null ? null : Encoding.UTF8.GetBytes(content), contentType ?? basis.ContentType);
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static string Show(string value) => value.Length > 40 ? $"{value[..40]}… ({value.Length} chars)" : value;
}
