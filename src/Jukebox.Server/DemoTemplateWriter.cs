using Jukebox.Api.Catalog;
using Jukebox.Api.Search;

namespace Jukebox.Server;

/// <summary>
/// Completes the demo template a fresh start staged (<see cref="DemoTemplate"/>) once the search index
/// of its catalog is built and the catalog stored, off the start's path.
/// </summary>
internal sealed class DemoTemplateWriter(DemoTemplate template, CatalogStore store, CatalogSearchIndex index) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.ForAsync(await store.GetAsync().WaitAsync(stoppingToken)).WaitAsync(stoppingToken);
            await store.Storing.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The warm-up reports its own failures; this start leaves no template.
            return;
        }
        await Task.Run(template.Publish, stoppingToken);
    }
}
