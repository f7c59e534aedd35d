using System.Collections.Concurrent;
using System.Threading.Channels;
using Jukebox.Cluster;
using Microsoft.Extensions.Options;

namespace Jukebox.Sandbox.Requests;

/// <summary>
/// The requests this node served, per app, in memory: a ring of the last <see cref="SandboxOptions.RequestLogSize"/>
/// requests of each app (requests without a known app share one more ring), for at most
/// <see cref="SandboxOptions.RequestLogApps"/> apps; a new app beyond that replaces the one whose
/// last request is oldest. An entry takes a few hundred bytes, at most about 2 KB (paths are cut at
/// <see cref="MaxPathLength"/> characters, messages at <see cref="MaxMessageLength"/>), so the log stays
/// below size × (apps + 1) × 2 KB: 100 MB with the defaults, typically a tenth of that.
/// </summary>
public sealed class RequestLog
{
    public const int MaxPathLength = 512;
    public const int MaxMessageLength = 256;
    private readonly int _size;
    private readonly int _apps;
    private readonly ConcurrentDictionary<string, Ring> _rings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Listener, string> _listeners = new();
    private readonly Lock _adding = new();
    private long _sequence;

    public RequestLog(IOptions<SandboxOptions> options, IClusterBus bus)
    {
        _size = Math.Max(0, options.Value.RequestLogSize);
        _apps = Math.Max(1, options.Value.RequestLogApps);
        // Lives as long as the node: the subscription is never disposed.
        bus.Subscribe(ClusterTopics.Reset, _ =>
        {
            Clear();
            return Task.CompletedTask;
        });
    }

    /// <summary>Forgets every request (a sandbox reset: a freshly seeded server has served none).</summary>
    public void Clear() => _rings.Clear();

    public bool IsEnabled => _size > 0;

    /// <summary>The next entry's sequence number: entries are ordered by it (the clock may stand still).</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Record(RequestLogEntry entry)
    {
        if (!IsEnabled)
        {
            return;
        }
        RingOf(entry.ClientId ?? "").Add(entry);
        if (_listeners.IsEmpty)
        {
            return;
        }
        foreach (var (listener, clientId) in _listeners)
        {
            if (clientId == entry.ClientId)
            {
                listener.Writer.TryWrite(entry);
            }
        }
    }

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RequestLogEntry> Query(string? clientId, string? status, DateTimeOffset? since, int limit)
    {
        IEnumerable<Ring> rings = clientId is null ? _rings.Values : _rings.TryGetValue(clientId, out var ring) ? [ring] : [];
        return [.. rings.SelectMany(r => r.Snapshot())
            .Where(e => (status is null || e.HasStatus(status)) && (since is null || e.Time >= since))
            .OrderByDescending(e => e.Sequence)
            .Take(limit)];
    }

    /// <summary>The app's entries from now on, until the listener is disposed; a slow reader loses the oldest.</summary>
    public Listener Listen(string clientId)
    {
        var listener = new Listener(this);
        _listeners[listener] = clientId;
        return listener;
    }

    private Ring RingOf(string clientId)
    {
        if (_rings.TryGetValue(clientId, out var ring))
        {
            return ring;
        }
        lock (_adding)
        {
            if (_rings.TryGetValue(clientId, out ring))
            {
                return ring;
            }
            var apps = _rings.Count - (_rings.ContainsKey("") ? 1 : 0);
            if (clientId.Length > 0 && apps >= _apps)
            {
                var idlest = _rings.Where(r => r.Key.Length > 0).MinBy(r => r.Value.LastSequence).Key;
                if (idlest is not null)
                {
                    _rings.TryRemove(idlest, out _);
                }
            }
            ring = new Ring(_size);
            _rings[clientId] = ring;
            return ring;
        }
    }

    public sealed class Listener(RequestLog log) : IDisposable
    {
        private readonly Channel<RequestLogEntry> _channel = Channel.CreateBounded<RequestLogEntry>(
            new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelWriter<RequestLogEntry> Writer => _channel.Writer;
        public ChannelReader<RequestLogEntry> Reader => _channel.Reader;

        public void Dispose() => log._listeners.TryRemove(this, out _);
    }

    /// <summary>The last entries of one app, overwriting the oldest.</summary>
    private sealed class Ring(int size)
    {
        private readonly RequestLogEntry[] _entries = new RequestLogEntry[size];
        private readonly Lock _gate = new();
        private int _next;
        private int _count;

        public long LastSequence { get; private set; }

        public void Add(RequestLogEntry entry)
        {
            lock (_gate)
            {
                _entries[_next] = entry;
                _next = (_next + 1) % _entries.Length;
                _count = Math.Min(_count + 1, _entries.Length);
                LastSequence = Math.Max(LastSequence, entry.Sequence);
            }
        }

        public RequestLogEntry[] Snapshot()
        {
            lock (_gate)
            {
                var copy = new RequestLogEntry[_count];
                for (var i = 0; i < _count; i++)
                {
                    copy[i] = _entries[(_next - _count + i + _entries.Length) % _entries.Length];
                }
                return copy;
            }
        }
    }
}
