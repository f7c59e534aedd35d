using System.Buffers;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Net.Http.Headers;

namespace Jukebox.Api.Http;

/// <summary>How long clients and caches may keep a response.</summary>
public enum CachePolicy
{
    /// <summary>Catalog data that does not depend on who asks: <c>public, max-age=120</c>.</summary>
    Catalog,

    /// <summary>Data that depends on the caller: revalidate every time.</summary>
    Private,
}

/// <summary>
/// A JSON body with a strong ETag computed from its bytes. A request whose If-None-Match names that
/// ETag gets 304 with no body, as Spotify's conditional requests work.
/// </summary>
public sealed class SpotifyJson<T>(T value, JsonTypeInfo<T> typeInfo, CachePolicy cache, int statusCode = StatusCodes.Status200OK) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var pooled = SpotifyJsonBuffers.Pool.Get();
        var buffer = pooled.Buffer;
        try
        {
            // An app of a restricted API profile gets the objects without the fields its profile removed.
            var profile = httpContext.Features.Get<AppProfile>();
            var writer = pooled.Writer();
            JsonSerializer.Serialize(writer, value, profile is null ? typeInfo : Policies.ProfileFields.For(typeInfo, profile));
            writer.Flush();
            var etag = ETagOf(buffer.WrittenSpan);
            var response = httpContext.Response;
            response.Headers.ETag = etag;
            // A response that depends on a user's token must not be shared between users by a cache, nor
            // one written for a restricted profile (fields, previews) with apps of another profile.
            // The bearer handler leaves the caller it read from the token in the request's features.
            var caller = httpContext.Features.Get<Caller>() ?? Caller.FromPrincipal(httpContext.User);
            response.Headers.CacheControl = cache == CachePolicy.Catalog && caller is not { IsUser: true } && profile is null
                ? "public, max-age=120"
                : "private, max-age=0";
            if (statusCode == StatusCodes.Status200OK && Matches(httpContext.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.StatusCode = statusCode;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
        }
        finally
        {
            SpotifyJsonBuffers.Pool.Return(pooled);
        }
    }

    private static string ETagOf(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(body, hash);
        return $"\"{Convert.ToHexStringLower(hash)}\"";
    }

    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var ours = new EntityTagHeaderValue(etag);
        // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}

/// <summary>How response bodies are written.</summary>
public static class SpotifyJsonWriting
{
    /// <summary>
    /// Spotify writes <c>&amp;</c> (in every next and previous URL), <c>&lt;</c>, <c>'</c> and non-ASCII
    /// names as they are. The default encoder escapes them (<c>\u0026</c>, <c>\u00E9</c>) for JSON
    /// embedded in HTML, which an API response is not; quotes, backslashes and control characters are
    /// still escaped, as JSON requires. It is also the cheaper encoder.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Serialization buffers, and a writer for each, reused across responses, so a body costs no new array.</summary>
internal static class SpotifyJsonBuffers
{
    /// <summary>
    /// Enough buffers for every request a node serializes and sends at once: a request holds its
    /// buffer until the body is written, and one made anew grows by doubling (copying every byte
    /// it holds each time), which for a page of 100 tracks cost a quarter of the request.
    /// </summary>
    public static readonly ObjectPool<PooledBuffer> Pool =
        new DefaultObjectPool<PooledBuffer>(new BufferPolicy(), Environment.ProcessorCount * 8);

    /// <summary>A buffer and the writer that last wrote into it (reset onto it for each response).</summary>
    internal sealed class PooledBuffer
    {
        private Utf8JsonWriter? _writer;

        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        /// <summary>The writer, reset onto the empty buffer.</summary>
        public Utf8JsonWriter Writer()
        {
            if (_writer is null)
            {
                _writer = new Utf8JsonWriter(Buffer, SpotifyJsonWriting.Options);
            }
            else
            {
                _writer.Reset(Buffer);
            }
            return _writer;
        }
    }

    private sealed class BufferPolicy : PooledObjectPolicy<PooledBuffer>
    {
        /// <summary>
        /// Buffers grown past this are left to the garbage collector. A page of 100 full tracks is about
        /// 250 KB (their albums' market lists), so it is kept; the pool holds at most 8 MB per core.
        /// </summary>
        private const int MaxRetainedBytes = 1024 * 1024;

        public override PooledBuffer Create() => new();

        public override bool Return(PooledBuffer pooled)
        {
            if (pooled.Buffer.Capacity > MaxRetainedBytes)
            {
                return false;
            }
            pooled.Buffer.ResetWrittenCount();
            return true;
        }
    }
}

public static class SpotifyResults
{
    public static SpotifyJson<T> Catalog<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo, CachePolicy.Catalog);

    public static SpotifyJson<T> Private<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo, CachePolicy.Private);
}
