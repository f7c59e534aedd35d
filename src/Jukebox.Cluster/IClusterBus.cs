using Microsoft.Extensions.Logging;

namespace Jukebox.Cluster;

/// <summary>
/// Messages between the nodes of one deployment, so that what each node keeps in memory (follower
/// counts, the playlist index, cached app policies, waiting player pages) follows changes made on the
/// others. A node changes the database first, then publishes; the others apply the message to their
/// own state. Delivery is best effort: while the transport is down messages are lost, and
/// <see cref="OnResync"/> tells every subscriber to reload what it derives from the database once
/// the transport is back, on the node that was cut off and on every node it may have failed to tell.
/// </summary>
public interface IClusterBus
{
    /// <summary>
    /// Sends a message to every other node (never back to this one). Fire and forget: it never throws
    /// and never waits on the transport, so a request is not held up by an unreachable one.
    /// </summary>
    void Publish(string topic, string payload);

    /// <summary>Calls <paramref name="handler"/> with the payload of every message of the topic from another node.</summary>
    IDisposable Subscribe(string topic, Func<string, Task> handler);

    /// <summary>Calls <paramref name="handler"/> whenever messages may have been lost (the transport came back after an outage).</summary>
    IDisposable OnResync(Func<Task> handler);

    /// <summary>
    /// Runs every <see cref="OnResync"/> handler of this node (completing when they have), and tells the
    /// other nodes to run theirs (<see cref="ClusterTopics.Resync"/>): after user data was replaced
    /// wholesale, e.g. by a sandbox reset, when no message names what changed.
    /// </summary>
    Task ResyncEverywhereAsync();
}

/// <summary>The topics the nodes exchange; each is published by the one class that applies it.</summary>
public static class ClusterTopics
{
    /// <summary>A user's playback changed (payload: the user id).</summary>
    public const string Player = "player";

    /// <summary>Artist follows committed (payload: lines of "artist id, space, change").</summary>
    public const string ArtistFollows = "artist-follows";

    /// <summary>A playlist changed (payload: its id).</summary>
    public const string Playlist = "playlist";

    /// <summary>An app's settings changed or it was deleted (payload: its client id).</summary>
    public const string App = "app";

    /// <summary>The tokens of an authorization were revoked (payload: the authorization id).</summary>
    public const string TokenFamily = "token-family";

    /// <summary>The catalog was seeded, or the sandbox changed it (no payload).</summary>
    public const string Catalog = "catalog";

    /// <summary>The sandbox's fault rules changed: added, removed or spent (no payload).</summary>
    public const string Faults = "faults";

    /// <summary>The sandbox moved the server's clock ahead (payload: the whole offset, in milliseconds).</summary>
    public const string Clock = "clock";

    /// <summary>The sandbox reset the server: each node forgets what it keeps only in memory, such as its request log (no payload).</summary>
    public const string Reset = "reset";

    /// <summary>User data was replaced wholesale: every node reloads what it derives from it, as after a lost connection (no payload).</summary>
    public const string Resync = "resync";
}

/// <summary>
/// One node on its own: there is nobody to tell and nothing to hear, but a resync of this node's
/// state can still be asked for (<see cref="ResyncEverywhereAsync"/>).
/// </summary>
public sealed class LocalClusterBus(ILogger<LocalClusterBus> logger) : IClusterBus
{
    private readonly ClusterSubscriptions _subscriptions = new(logger);

    public void Publish(string topic, string payload)
    {
    }

    public IDisposable Subscribe(string topic, Func<string, Task> handler) => NoSubscription.Instance;

    public IDisposable OnResync(Func<Task> handler) => _subscriptions.AddResync(handler);

    public Task ResyncEverywhereAsync() => _subscriptions.ResyncAsync();

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
