using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Audio;

/// <summary>
/// Previews cut lately, bounded in bytes, so that a preview played again (or asked for in ranges, as a
/// browser does) is not cut again. An entry is keyed by the file's path, length and time of last
/// write with the track, so a file replaced or imported again is cut afresh; a miss only costs cutting.
/// </summary>
public sealed class PreviewCache
{
    private readonly MemoryCache _previews = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    /// <summary>The preview cached under the key, cut by <paramref name="cut"/> on a miss (a null one is not kept).</summary>
    public byte[]? Get(string trackId, FileInfo file, Func<byte[]?> cut)
    {
        var key = (trackId, file.FullName, file.Length, file.LastWriteTimeUtc);
        if (_previews.TryGetValue(key, out byte[]? cached))
        {
            return cached;
        }
        var preview = cut();
        if (preview is not null)
        {
            _previews.Set(key, preview, new MemoryCacheEntryOptions { Size = preview.Length });
        }
        return preview;
    }
}
