using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Jukebox.Web;

/// <summary>
/// The Razor Pages' endpoints in the server's route table, mapped when the first request for a page
/// comes and empty until then. Mapping Razor Pages reads every compiled page and builds its action,
/// which loads MVC; routing reads every endpoint on the server's first request, and the authorization
/// middleware as soon as it is made, so mapped with the rest the pages were built at every start,
/// whatever it was asked. Held back, they cost nothing to a server that never shows a page (a test
/// suite's, asked for tokens and the Web API only). Once released, this source's change token fires:
/// routing, link generation and the authorization policies read the table again before the request
/// that released them is routed.
/// </summary>
public sealed class PagesOnFirstRequest(IServiceProvider services) : EndpointDataSource
{
    private readonly CancellationTokenSource _released = new();
    private readonly Lock _gate = new();
    private Action<IEndpointRouteBuilder>? _map;
    private EndpointDataSource? _pages;

    /// <summary>Whether the pages are mapped.</summary>
    public bool Released => _released.IsCancellationRequested;

    /// <summary>What maps the pages once released (set when the server's routes are mapped).</summary>
    public void MapWith(Action<IEndpointRouteBuilder> map) => _map = map;

    /// <summary>
    /// Maps the pages and tells whoever reads this source (the first call). A call at the same time
    /// returns once the first is done, so that its request is routed to the pages too.
    /// </summary>
    public void Release()
    {
        lock (_gate)
        {
            if (Released)
            {
                return;
            }
            if (_map is { } map)
            {
                var routes = new Routes(services);
                map(routes);
                _pages = new CompositeEndpointDataSource(routes.DataSources);
            }
            _released.Cancel();
        }
    }

    public override IReadOnlyList<Endpoint> Endpoints => Released && _pages is { } pages ? pages.Endpoints : [];

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) =>
        Released && _pages is { } pages ? pages.GetGroupedEndpoints(context) : [];

    public override IChangeToken GetChangeToken() =>
        Released && _pages is { } pages ? pages.GetChangeToken() : new CancellationChangeToken(_released.Token);

    private sealed class Routes(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
