using Jukebox.Cluster;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Search;

/// <summary>
/// The public playlists, searchable by name and description. Unlike the catalog they change while
/// the server runs, so they have an index of their own in memory: read from the database at start,
/// then updated one playlist at a time through <see cref="IPlaylistChangeListener"/>, which re-reads
/// the playlist before it returns, so the next search sees the change. Private playlists are never indexed.
/// The other nodes are told the playlist's id and re-read it too; after a resync (messages may have
/// been lost) the index is built again from the database.
/// </summary>
public sealed class PlaylistSearchIndex : IPlaylistChangeListener, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _gate = new();
    private Task? _initial;
    private readonly IClusterBus _bus;
    private readonly IDisposable[] _subscriptions;

    /// <summary>What the index holds of each public playlist; written only under <see cref="_changes"/>.</summary>
    private readonly Dictionary<string, Row> _indexed = new(StringComparer.Ordinal);

    /// <summary>Whether the index changed since the searcher was last reopened.</summary>
    private bool _stale;

    /// <summary>One change at a time, so that two quick changes of one playlist end with the later state.</summary>
    private readonly SemaphoreSlim _changes = new(1, 1);

    public PlaylistSearchIndex(IServiceScopeFactory scopes, IClusterBus bus)
    {
        _scopes = scopes;
        _bus = bus;
        // CREATE: the directory is new and empty (the default first looks for an index there, and throws and catches twice).
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance) { OpenMode = OpenMode.CREATE });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SearcherFactory());
        _subscriptions =
        [
            bus.Subscribe(ClusterTopics.Playlist, playlistId => ReindexAsync(playlistId, CancellationToken.None)),
            bus.OnResync(RebuildAsync),
        ];
    }

    /// <summary>
    /// Completes once every public playlist of the database is indexed; the first call starts reading
    /// them, and a call after a failed read (the database was unreachable) starts again.
    /// </summary>
    public Task ReadyAsync()
    {
        var initial = _initial;
        if (initial is not null && !initial.IsFaulted)
        {
            return initial;
        }
        lock (_gate)
        {
            if (_initial is null || _initial.IsFaulted)
            {
                _initial = Task.Run(LoadAllAsync);
            }
            return _initial;
        }
    }

    /// <summary>The first read of the playlists, if one started (see <see cref="CatalogSearchIndex.Running"/>).</summary>
    public Task Running() => _initial ?? Task.CompletedTask;

    public async Task OnPlaylistChangedAsync(string playlistId, CancellationToken cancellationToken = default)
    {
        // A change that left the indexed fields as they were leaves the other nodes' indexes as they are too.
        if (await ReindexAsync(playlistId, cancellationToken))
        {
            _bus.Publish(ClusterTopics.Playlist, playlistId);
        }
    }

    /// <summary>Whether the index changed.</summary>
    private async Task<bool> ReindexAsync(string playlistId, CancellationToken cancellationToken)
    {
        await ReadyAsync();
        await _changes.WaitAsync(cancellationToken);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            var row = await Rows(db.Playlists.Where(p => p.Id == playlistId)).FirstOrDefaultAsync(cancellationToken);
            var indexed = row is { Public: true } ? row : null;
            // Most changes (a reorder, a private playlist's edits) leave what is indexed as it was.
            if (_indexed.GetValueOrDefault(playlistId) == indexed)
            {
                return false;
            }
            if (indexed is not null)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, indexed.Id), ToDocument(indexed));
                _indexed[playlistId] = indexed;
            }
            else
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, playlistId));
                _indexed.Remove(playlistId);
            }
            // The searcher is reopened by the next search rather than here: reopening costs more than the
            // change itself, and a playlist is edited far more often than searched for.
            Volatile.Write(ref _stale, true);
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher.</summary>
    public async Task<T> SearchAsync<T>(Func<IndexSearcher, T> search)
    {
        await ReadyAsync();
        if (Volatile.Read(ref _stale))
        {
            // Cleared first: a change indexed during the reopen sets it again for the next search.
            Volatile.Write(ref _stale, false);
            _searchers.MaybeRefreshBlocking();
        }
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// What is indexed of a playlist. Its size counts only by order of magnitude (<see cref="SizeTier"/>):
    /// with the exact count, every add or remove rewrote the playlist's document, and the index's
    /// segment flushes and merges that brought on were a tail of a change's latency.
    /// </summary>
    private sealed record Row(string Id, string Name, string? Description, bool Public, int SizeTier);

    /// <summary>0 for an empty playlist, then 1 + the binary logarithm of its item count.</summary>
    private static int SizeTierOf(int items) => items <= 0 ? 0 : 1 + System.Numerics.BitOperations.Log2((uint)items);

    // The item count kept on the playlist: counting a long playlist's items would cost every change a scan.
    private static IQueryable<Row> Rows(IQueryable<Data.Entities.Playlist> playlists) =>
        playlists.AsNoTracking().Select(p => new Row(p.Id, p.Name, p.Description, p.Public, SizeTierOf(p.ItemCount)));

    /// <summary>
    /// Indexes every public playlist again. The rows are read before the index is touched, so a
    /// database error leaves the index as it was; searches see the old index until the new one is complete.
    /// </summary>
    private async Task RebuildAsync()
    {
        await ReadyAsync();
        await _changes.WaitAsync();
        try
        {
            var rows = await ReadPublicAsync();
            _writer.DeleteAll();
            _indexed.Clear();
            foreach (var row in rows)
            {
                _writer.AddDocument(ToDocument(row));
                _indexed[row.Id] = row;
            }
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _changes.Release();
        }
    }

    private async Task LoadAllAsync()
    {
        foreach (var row in await ReadPublicAsync())
        {
            _writer.UpdateDocument(new Term(SearchFields.Id, row.Id), ToDocument(row));
            _indexed[row.Id] = row;
        }
        _searchers.MaybeRefreshBlocking();
    }

    private async Task<List<Row>> ReadPublicAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await Rows(db.Playlists.Where(p => p.Public)).ToListAsync();
    }

    private static Document ToDocument(Row row)
    {
        // Playlists have no popularity of their own here; among equals, those with more items by an order of magnitude come first.
        var item = new SearchItem
        {
            Type = "playlist", Id = row.Id, Name = row.Name, Popularity = row.SizeTier,
            Other = row.Description is { Length: > 0 } d ? [d] : [],
        };
        return item.ToDocument(new MarketKeys());
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _searchers.Dispose();
        _writer.Dispose();
        _changes.Dispose();
        _directory.Dispose();
    }
}
