using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jukebox.Cluster;

/// <summary>
/// The handlers a bus transport calls: by topic for messages, and all of them on a resync. A failing
/// handler is logged and does not keep the others from running.
/// </summary>
public sealed class ClusterSubscriptions(ILogger logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<object, Func<string, Task>>> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<object, Func<Task>> _resyncs = new();

    public IDisposable Add(string topic, Func<string, Task> handler)
    {
        var handlers = _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<object, Func<string, Task>>());
        var key = new object();
        handlers[key] = handler;
        return new Removal(() => handlers.TryRemove(key, out _));
    }

    public IDisposable AddResync(Func<Task> handler)
    {
        var key = new object();
        _resyncs[key] = handler;
        return new Removal(() => _resyncs.TryRemove(key, out _));
    }

    public async Task DeliverAsync(string topic, string payload)
    {
        if (!_topics.TryGetValue(topic, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler(payload);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Applying a {Topic} message from another node failed.", topic);
            }
        }
    }

    public async Task ResyncAsync()
    {
        await Task.WhenAll(_resyncs.Values.Select(async handler =>
        {
            try
            {
                await handler();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Resynchronising a cross-node cache failed.");
            }
        }));
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
