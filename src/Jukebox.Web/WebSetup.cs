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

    /// <summary>Maps the pages, the web player's endpoints, the dashboard's request stream and the API docs; returns the pages' conventions.</summary>
    public static IEndpointConventionBuilder MapJukeboxWeb(this IEndpointRouteBuilder app)
    {
        app.MapWebPlayer();
        app.MapRequestEvents();
        app.MapApiContract();
        app.MapApiDocs();
        return app.MapRazorPages();
    }
}
