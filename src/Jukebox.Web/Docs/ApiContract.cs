using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Web.Docs;

/// <summary>
/// The Web API's contract (the OpenAPI document Jukebox implements) at <c>/openapi/spotify.yml</c>, for
/// client generators and docs tools. It is built into the assembly, so a server started from a
/// package or a single file serves it too.
/// </summary>
public static class ApiContract
{
    public const string Path = "/openapi/spotify.yml";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(ApiContract).Assembly.GetManifestResourceStream("spotify.yml")
            ?? throw new InvalidOperationException("The Web API contract is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapApiContract(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => Results.Bytes(Document.Value, "application/yaml"));
}
