using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// Client secrets this node has verified, so that the deliberately slow hash of a stored secret runs
/// once per secret rather than on every token request. What is kept is an HMAC-SHA256 of the secret
/// under a random key of this process: it proves a secret was seen, and is worthless outside it.
/// An app's entry goes when the app changes (a rotated secret, a deleted app; <see cref="AppAccess.Forget"/>
/// on every node) and all of them on a resync. A verification that began before such a change is not
/// remembered: each change moves the client's generation, and an entry is kept only if the generation
/// it was verified under is still the current one.
/// </summary>
public sealed class VerifiedSecrets
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte[]> _macs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private long _everything;

    /// <summary>The client's generation: read before verifying, handed to <see cref="Remember"/> after.</summary>
    public long Generation(string clientId) => (Interlocked.Read(ref _everything) << 32) + _generations.GetValueOrDefault(clientId);

    public bool IsVerified(string clientId, string secret) =>
        _macs.TryGetValue(clientId, out var mac) && CryptographicOperations.FixedTimeEquals(mac, Mac(clientId, secret));

    public void Remember(string clientId, string secret, long generation)
    {
        if (Generation(clientId) != generation)
        {
            return;
        }
        _macs[clientId] = Mac(clientId, secret);
        // A change between the check above and the write: it may have missed this entry, so it goes.
        if (Generation(clientId) != generation)
        {
            _macs.TryRemove(clientId, out _);
        }
    }

    public void Forget(string clientId)
    {
        _generations.AddOrUpdate(clientId, 1, static (_, generation) => generation + 1);
        _macs.TryRemove(clientId, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _everything);
        _macs.Clear();
    }

    private byte[] Mac(string clientId, string secret) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{clientId}\n{secret}"));
}
