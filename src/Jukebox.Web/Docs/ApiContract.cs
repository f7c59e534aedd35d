using System.Text;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Web.Docs;

/// <summary>
/// The Web API's contract (the OpenAPI document Jukebox implements) at <c>/openapi/spotify.yml</c>, for
/// client generators and docs tools. It is built into the assembly, so a server started from a
/// package or a single file serves it too. Served as the repository holds it, except that its server
/// and OAuth URLs name this server rather than Spotify's, so a client generated from it, and the docs
/// page's "Try it out", reach this server.
/// </summary>
public static class ApiContract
{
    public const string Path = "/openapi/spotify.yml";

    /// <summary>The contract's lines that name Spotify's hosts as the API's server and OAuth endpoints.</summary>
    public static readonly IReadOnlyList<(string Spotify, string Jukebox)> Hosts =
    [
        ("- url: https://api.spotify.com/v1\n", "- url: {0}/v1\n"),
        ("authorizationUrl: https://accounts.spotify.com/authorize\n", "authorizationUrl: {0}/authorize\n"),
        ("tokenUrl: https://accounts.spotify.com/api/token\n", "tokenUrl: {0}/api/token\n"),
    ];

    private static byte[] DocumentFor(string baseUrl)
    {
        using var stream = typeof(ApiContract).Assembly.GetManifestResourceStream("spotify.yml")
            ?? throw new InvalidOperationException("The Web API contract is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        foreach (var (spotify, jukebox) in Hosts)
        {
            if (!text.Contains(spotify, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The Web API contract no longer holds '{spotify.TrimEnd()}'.");
            }
            text = text.Replace(spotify, string.Format(System.Globalization.CultureInfo.InvariantCulture, jukebox, baseUrl), StringComparison.Ordinal);
        }
        return Encoding.UTF8.GetBytes(text);
    }

    public static void MapApiContract(this IEndpointRouteBuilder app)
    {
        var document = new Lazy<byte[]>(() => DocumentFor(app.ServiceProvider.GetRequiredService<PublicUrls>().Base));
        app.MapGet(Path, () => Results.Bytes(document.Value, "application/yaml"));
    }
}
