using Jukebox.Web.Docs;
using Jukebox.Accounts;
using Jukebox.Api;
using Jukebox.Web.DashboardEvents;
using Jukebox.Web.WebPlayer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Web;

/// <summary>The pages: login and consent, the developer dashboard and the web player.</summary>
public static class WebSetup
{
    /// <summary>The authorization policy of the dashboard and player pages: a signed-in user (else the login page).</summary>
    public const string DashboardPolicy = "Dashboard";

    public static IServiceCollection AddJukeboxWeb(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicy, policy => policy.AddAuthenticationSchemes(AccountsSetup.SessionScheme).RequireAuthenticatedUser().RequireClaim("sub"));
        // Named explicitly: the pages live in this library, not in the entry assembly (nor the test host).
        // Razor Pages check the anti-forgery token of every POST form.
        services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Dashboard", DashboardPolicy))
            .AddApplicationPart(typeof(WebSetup).Assembly);
        services.AddLoginRateLimit();
        services.AddSingleton<Pages.Dashboard.SandboxKeyCookie>();
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            // Secure over https (directly, or through a known proxy's X-Forwarded-Proto).
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.SameSite = SameSiteMode.Lax;
            tempData.Cookie.IsEssential = true;
            tempData.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Maps the web player's endpoints, the dashboard's request stream and the API docs (the pages: <see cref="UseJukeboxPages"/>).</summary>
    public static void MapJukeboxWeb(this IEndpointRouteBuilder app)
    {
        app.MapWebPlayer();
        app.MapRequestEvents();
        app.MapApiContract();
        app.MapApiDocs();
    }

    /// <summary>
    /// The Razor Pages (login, consent, dashboard, player, the open object pages), routed in a branch of
    /// their own that a request takes when no other endpoint matched its path (neither the Web API's
    /// nor the sandbox's), and mapped by the first such request (<see cref="PagesOnFirstRequest"/>).
    /// Mapped with the rest, they were read and built at every start and loaded MVC (about 5 MB held for
    /// good, bench/docs/startup.md), which a test suite's server, asked for tokens and the Web API
    /// only, has no use for. Goes last, after authentication (which it keeps: OpenIddict handles
    /// /authorize there): what the server's pipeline did for a page request it still does; what needs
    /// the page's endpoint (authorization, antiforgery, the login rate limit) runs again in the branch,
    /// once routing has named it.
    /// </summary>
    public static IApplicationBuilder UseJukeboxPages(this IApplicationBuilder app, Action<IEndpointConventionBuilder> conventions) =>
        app.MapWhen(IsPageRequest, branch =>
        {
            var pages = new PagesOnFirstRequest(branch, routes => conventions(routes.MapRazorPages()));
            branch.Use((context, next) =>
            {
                pages.Release();
                return next(context);
            });
            branch.UseRouting();
            branch.UseAuthorization();
            branch.UseAntiforgery();
            branch.UseRateLimiter();
            branch.UseEndpoints(endpoints => endpoints.DataSources.Add(pages));
        });

    private static bool IsPageRequest(HttpContext context) =>
        context.GetEndpoint() is null
        && !ApiEndpoints.IsApiPath(context.Request.Path)
        && !Sandbox.SandboxSetup.IsSandboxPath(context.Request.Path);
}
