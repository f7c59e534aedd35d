using Jukebox.Accounts.Apps;
using Jukebox.Accounts.Authorization;
using Jukebox.Accounts.RateLimits;
using Jukebox.Accounts.Sandbox;
using Jukebox.Accounts.Tokens;
using Jukebox.Accounts.WebPlayer;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Jukebox.Accounts;

public static class AccountsSetup
{
    /// <summary>The authorization policy of every /v1 route: a valid Spotify-style bearer token.</summary>
    public const string ApiPolicy = "SpotifyApi";

    /// <summary>The cookie that keeps a user signed in to the accounts pages.</summary>
    public const string SessionScheme = "JukeboxSession";

    /// <summary>The authorization policy of the dashboard pages: a signed-in user (else the login page).</summary>
    public const string DashboardPolicy = "Dashboard";

    public static IServiceCollection AddJukeboxAccounts(this IServiceCollection services, IConfiguration configuration, string publicBaseUrl)
    {
        services.Configure<AccountsOptions>(configuration.GetSection("Accounts"));
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.Configure<SandboxOptions>(configuration.GetSection("Sandbox"));
        services.Configure<RateLimitOptions>(configuration.GetSection("RateLimits"));
        services.AddSingleton<IRequestWindows, MemoryRequestWindows>();
        services.AddSingleton<AppRateLimiter>();
        var accounts = configuration.GetSection("Accounts").Get<AccountsOptions>() ?? new AccountsOptions();

        // Tokens and cookies are protected with ASP.NET Core Data Protection, whose key ring lives in
        // the shared database, so every node can read what every other node issued.
        services.AddDataProtection()
            .SetApplicationName("Jukebox")
            .PersistKeysToDbContext<JukeboxDbContext>();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<JukeboxDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(publicBaseUrl.TrimEnd('/') + "/"));
                server.SetAuthorizationEndpointUris("authorize");
                server.SetTokenEndpointUris("api/token");
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow();
                server.AllowRefreshTokenFlow();
                server.AllowCustomFlow(TokenEndpoint.SandboxGrantType);
                if (accounts.AllowImplicitGrant)
                {
                    server.AllowImplicitFlow();
                }
                // Any app may ask for any scope; the user decides on the consent page.
                server.IgnoreScopePermissions();
                server.RegisterScopes([.. Scopes.UserDescriptions.Keys, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(accounts.AccessTokenLifetime);
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(10));
                server.SetRefreshTokenLifetime(accounts.RefreshTokenLifetime);
                server.DisableSlidingRefreshTokenExpiration();
                server.DisableRollingRefreshTokens();
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                // Only identity tokens would be JWTs, and Jukebox issues none; these keys sign nothing that lasts.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseDataProtection();

                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.ValidateRedirectUri.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.ValidateClientType.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.ValidateClientSecret.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.AuthenticateClient.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.RotatePkceRefreshTokens.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.HideOfflineAccess.TokenDescriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.HideOfflineAccess.AuthorizationDescriptor);
                server.AddEventHandler(SpotifyTokenErrors.Descriptor);
                server.AddEventHandler(SpotifyTokenErrorStatus.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableErrorPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<AppAccess>();
        services.AddMemoryCache();
        // The session cookie is read on every request, so that pages and their anti-forgery tokens
        // know the signed-in user; the Web API's policy authenticates with the bearer scheme instead.
        services.AddAuthentication(auth => auth.DefaultAuthenticateScheme = SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(SessionScheme, cookie =>
            {
                cookie.Cookie.Name = "jukebox_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/login";
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                cookie.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(DashboardPolicy, policy => policy.AddAuthenticationSchemes(SessionScheme).RequireAuthenticatedUser().RequireClaim("sub"));
        // Named explicitly: the pages live in this library, not in the entry assembly (nor the test host).
        // Razor Pages check the anti-forgery token of every POST form.
        services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Dashboard", DashboardPolicy))
            .AddApplicationPart(typeof(AccountsSetup).Assembly);
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.SameSite = SameSiteMode.Lax;
            tempData.Cookie.IsEssential = true;
        });

        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DeveloperApps>();
        services.AddSingleton<AppRequestCounter>();
        services.AddHostedService<AppRequestCountFlusher>();
        return services;
    }

    public static void MapJukeboxAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/token", TokenEndpoint.Exchange).DisableAntiforgery().WithMetadata(ErrorShape.OAuth);
        app.MapRazorPages().WithMetadata(ErrorShape.Page);
        app.MapSandbox();
        app.MapWebPlayer();
    }
}
