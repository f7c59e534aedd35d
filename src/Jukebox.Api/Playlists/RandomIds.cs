using System.Security.Cryptography;
using Jukebox.Api.Http;

namespace Jukebox.Api.Playlists;

/// <summary>New ids of playlists and keys of uploaded covers: random base62 strings of a Spotify id's length.</summary>
public static class RandomIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Base62, SpotifyIds.Length);
}
