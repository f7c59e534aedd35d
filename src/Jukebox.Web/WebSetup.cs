using Jukebox.Web.Docs;
using Jukebox.Accounts;
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
        services.AddSingleton<PagesOnFirstRequest>();
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

    /// <summary>
    /// Maps the web player's endpoints, the dashboard's request stream, the API docs and the Razor Pages,
    /// which are mapped by the first request for one (<see cref="PagesOnFirstRequest"/>, released by
    /// <see cref="UsePagesOnFirstRequest"/>).
    /// </summary>
    /// <param name="pageConventions">Applied to every page (such as the error shape of its failures).</param>
    public static void MapJukeboxWeb(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder> pageConventions)
    {
        app.MapWebPlayer();
        app.MapRequestEvents();
        app.MapApiContract();
        app.MapApiDocs();
        var pages = app.ServiceProvider.GetRequiredService<PagesOnFirstRequest>();
        pages.MapWith(routes => pageConventions(routes.MapRazorPages()));
        app.DataSources.Add(pages);
    }

    /// <summary>
    /// Maps the pages when the first request under one of their paths comes. Goes before routing, so
    /// that routing, and everything after it, sees the page's endpoint as if it had been there from the
    /// start.
    /// </summary>
    public static IApplicationBuilder UsePagesOnFirstRequest(this IApplicationBuilder app)
    {
        var pages = app.ApplicationServices.GetRequiredService<PagesOnFirstRequest>();
        return app.Use((context, next) =>
        {
            if (!pages.Released && IsPagePath(context.Request.Path))
            {
                pages.Release();
            }
            return next(context);
        });
    }

    /// <summary>The paths the pages live under (a test checks that every page's route is one of them).</summary>
    public static bool IsPagePath(PathString path) =>
        path == "/" || Array.Exists(PagePrefixes, prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] PagePrefixes = ["/login", "/logout", "/authorize", "/player", "/dashboard", "/open"];
}
