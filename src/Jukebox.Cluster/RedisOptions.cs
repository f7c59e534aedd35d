namespace Jukebox.Cluster;

/// <summary>The Redis section: empty <see cref="Configuration"/> means one node with everything in process.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. 127.0.0.1:6379.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prefixes every key and channel, so that deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "jukebox";
}
