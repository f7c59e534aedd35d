using System.Collections.Concurrent;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// The OAuth clients this node has read for the token endpoint, so that a token request does not
/// read its app's row from the database each time. An entry is a detached copy of the row, read
/// only; it lives <see cref="AppAccess.CacheFor"/> at most and goes at once when the app changes (a
/// rotated secret, new redirect URIs, a deleted app: <see cref="AppAccess.Forget"/> on every node),
/// all of them on a resync. As with <see cref="VerifiedSecrets"/>, a read that began before such a
/// change is not kept: each change moves the client's generation, and an entry is kept only if the
/// generation it was read under is still the current one.
/// </summary>
public sealed class KnownClients(TimeProvider clock)
{
    private sealed record Entry(OpenIddictEntityFrameworkCoreApplication Application, long ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private long _everything;

    /// <summary>The client's generation: read before reading the row, handed to <see cref="Remember"/> after.</summary>
    public long Generation(string clientId) => (Interlocked.Read(ref _everything) << 32) + _generations.GetValueOrDefault(clientId);

    public OpenIddictEntityFrameworkCoreApplication? Find(string clientId) =>
        _entries.TryGetValue(clientId, out var entry) && entry.ExpiresAt > clock.GetTimestamp() ? entry.Application : null;

    public void Remember(string clientId, OpenIddictEntityFrameworkCoreApplication application, long generation)
    {
        if (Generation(clientId) != generation)
        {
            return;
        }
        var expiresAt = clock.GetTimestamp() + (long)(AppAccess.CacheFor.TotalSeconds * clock.TimestampFrequency);
        _entries[clientId] = new Entry(application, expiresAt);
        // A change between the check above and the write: it may have missed this entry, so it goes.
        if (Generation(clientId) != generation)
        {
            _entries.TryRemove(clientId, out _);
        }
    }

    public void Forget(string clientId)
    {
        _generations.AddOrUpdate(clientId, 1, static (_, generation) => generation + 1);
        _entries.TryRemove(clientId, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _everything);
        _entries.Clear();
    }
}
