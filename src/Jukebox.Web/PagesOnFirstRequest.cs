using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Jukebox.Web;

/// <summary>
/// The pages' endpoints, mapped when the first request reaches the pages' branch and empty until then.
/// Mapping Razor Pages reads every compiled page and builds its action (loading MVC), and the server's
/// list of endpoint sources, which the branch's UseEndpoints adds this one to for link generation
/// (asp-page, RedirectToPage), is read in full by the authorization middleware as soon as it is made.
/// Held back, the pages cost nothing to a server that never shows one; once released, this source's
/// change token fires, so the server's list and the caches over it read it again.
/// </summary>
internal sealed class PagesOnFirstRequest : EndpointDataSource
{
    private readonly Lazy<EndpointDataSource> _pages;
    private readonly CancellationTokenSource _released = new();

    /// <param name="app">The branch, whose services the pages are mapped with.</param>
    /// <param name="map">Maps the pages.</param>
    public PagesOnFirstRequest(IApplicationBuilder app, Action<IEndpointRouteBuilder> map) =>
        _pages = new(() =>
        {
            var routes = new Routes(app);
            map(routes);
            return new CompositeEndpointDataSource(routes.DataSources);
        });

    private bool Released => _released.IsCancellationRequested;

    /// <summary>Called by the pages' branch on each of its requests; the first one maps the pages.</summary>
    public void Release()
    {
        if (!Released)
        {
            _ = _pages.Value;
            _released.Cancel();
        }
    }

    public override IReadOnlyList<Endpoint> Endpoints => Released ? _pages.Value.Endpoints : [];

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) =>
        Released ? _pages.Value.GetGroupedEndpoints(context) : [];

    public override IChangeToken GetChangeToken() =>
        Released ? _pages.Value.GetChangeToken() : new CancellationChangeToken(_released.Token);

    private sealed class Routes(IApplicationBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ApplicationServices;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => app.New();
    }
}
