using System.Globalization;
using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>
/// A deployment as docs/scale-out.md describes it, on loopback: a PostgreSQL cluster, a redis-server,
/// three Jukebox nodes with one configuration (started at once on the empty database) and nginx
/// balancing over them with the sample configuration. Disposing stops every process and deletes
/// every folder it made.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string AdminKeyHeader = "X-Jukebox-Admin-Key";

    /// <summary>Custom endpoint limits (requests per rolling 30 s) the rate-limit tests reach; no other test calls these endpoints.</summary>
    public static readonly IReadOnlyDictionary<string, int> EndpointLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["GET /markets"] = 6,
        ["GET /browse/categories"] = 3,
        ["GET /browse/new-releases"] = 6,
    };

    private readonly List<JukeboxNode> _nodes = [];
    private string? _dataDirectory;

    public PostgresServer Postgres { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public NginxBalancer Nginx { get; private set; } = null!;
    public IReadOnlyList<JukeboxNode> Nodes => _nodes;

    /// <summary>The balancer's URL, which is also every node's public URL.</summary>
    public Uri Balancer => Nginx.BaseAddress;

    /// <summary>The nodes, then the balancer: where the cross-node tests send requests.</summary>
    public IEnumerable<Uri> Everywhere => [.. _nodes.Select(n => n.BaseAddress), Balancer];

    /// <summary>The database every node uses.</summary>
    public string ConnectionString { get; private set; } = "";

    public string AdminKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public async Task InitializeAsync()
    {
        if (Programs.Find(RedisServer.Executable) is null)
        {
            throw new InvalidOperationException(
                $"The scale-out tests need redis-server ({RedisServer.Executable}) and found none. Install it with " +
                "`apt-get install redis-server` (.ci/run does), or set JUKEBOX_REDIS_SERVER.");
        }
        if (NginxBalancer.Executable is null)
        {
            throw new InvalidOperationException(
                "The scale-out tests need nginx and found none. Install it with `apt-get install nginx` (.ci/run does), or set JUKEBOX_NGINX.");
        }
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var postgres = PostgresServer.StartNewAsync();
        var redis = RedisServer.StartNewAsync();
        Postgres = await postgres;
        Redis = await redis;
        ConnectionString = await Postgres.CreateDatabaseAsync("jukebox");

        Nginx = NginxBalancer.Reserve();
        _dataDirectory = Directory.CreateTempSubdirectory("jukebox-scaleout-data.").FullName;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JUKEBOX_Redis__Configuration"] = Redis.Configuration,
            ["JUKEBOX_DataDirectory"] = _dataDirectory,
            ["JUKEBOX_Sandbox__Enabled"] = "true",
            ["JUKEBOX_Sandbox__AdminKey"] = AdminKey,
            // Only the endpoint limits above are meant to be reached.
            ["JUKEBOX_RateLimits__DevelopmentModeLimit"] = "1000000",
            ["JUKEBOX_RateLimits__ExtendedQuotaLimit"] = "1000000",
            // Three nodes share a small machine with the test run: workstation GC keeps each one small.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (endpoint, limit) in EndpointLimits)
        {
            environment[$"JUKEBOX_RateLimits__Endpoints__{endpoint}"] = limit.ToString(CultureInfo.InvariantCulture);
        }
        string[] arguments = ["--database", "postgres", "--connection-string", ConnectionString, "--public-url", Balancer.ToString().TrimEnd('/')];
        for (var i = 1; i <= 3; i++)
        {
            _nodes.Add(new JukeboxNode($"node {i}", Programs.FreePort(), arguments, environment, _dataDirectory));
        }

        // All at once on the empty database, as a deployment may start them.
        foreach (var node in _nodes)
        {
            node.Start();
        }
        await Task.WhenAll(_nodes.Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        await Nginx.StartAsync([.. _nodes.Select(n => n.BaseAddress)]);
    }

    /// <summary>Stops and deletes whatever was started; safe to call again.</summary>
    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        if (Nginx is { } nginx)
        {
            Nginx = null!;
            await nginx.DisposeAsync();
        }
        if (Redis is { } redis)
        {
            Redis = null!;
            await redis.DisposeAsync();
        }
        if (Postgres is { } postgres)
        {
            Postgres = null!;
            NpgsqlConnection.ClearAllPools();
            await postgres.DisposeAsync();
        }
        if (_dataDirectory is { } data)
        {
            _dataDirectory = null;
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The logs of every node, for failure messages.</summary>
    public string Logs => string.Join('\n', _nodes.Select(n => n.Tail()));

    /// <summary>A context on the deployment's database, to check what the nodes stored.</summary>
    public JukeboxDbContext Database()
    {
        var options = new DbContextOptionsBuilder<JukeboxDbContext>();
        PostgresStorage.Configure(options, ConnectionString);
        return new JukeboxDbContext(options.Options);
    }
}
