using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Jukebox.Accounts.Apps;
using Jukebox.Accounts.Authorization;
using Jukebox.Accounts.Tokens;
using Jukebox.Accounts.Users;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Jukebox.Accounts;

public static class AccountsSetup
{
    /// <summary>The cookie that keeps a user signed in to the accounts pages.</summary>
    public const string SessionScheme = "JukeboxSession";

    public static IServiceCollection AddJukeboxAccounts(this IServiceCollection services, IConfiguration configuration, string publicBaseUrl)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration("Accounts").ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration("Demo").ValidateOnStart();
        services.AddOptions<AppsOptions>().BindConfiguration("Apps")
            .Validate(o => o.IsValid(), $"Apps:DefaultProfile is one of: {string.Join(", ", ApiProfiles.All)}").ValidateOnStart();
        // Read once here too: OpenIddict's lifetimes and flows are fixed when its options are built.
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
                if (accounts.AllowImplicitGrant)
                {
                    server.AllowImplicitFlow();
                }
                // Any app may ask for any scope; the user decides on the consent page.
                server.IgnoreScopePermissions();
                server.RegisterScopes([.. SpotifyScopes.UserDescriptions.Keys, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(accounts.AccessTokenLifetime);
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(10));
                server.SetRefreshTokenLifetime(accounts.RefreshTokenLifetime);
                server.DisableSlidingRefreshTokenExpiration();
                server.DisableRollingRefreshTokens();
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                // Only identity tokens would be JWTs, and Jukebox issues none; these keys sign nothing that lasts.
                // An ECDSA key and a symmetric one: making the two default RSA keys took about 0.3 s of every
                // start (an RSA key's primes are searched for), a large share of a server started per test.
                server.AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                    .AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
                server.UseDataProtection();

                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.ValidateRedirectUri.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.ValidateClientType.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.ValidateClientSecret.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.AuthenticateClient.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.RotatePkceRefreshTokens.Descriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.HideOfflineAccess.TokenDescriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.HideOfflineAccess.AuthorizationDescriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.WholeExpiresIn.TokenDescriptor);
                server.AddEventHandler(SpotifyOpenIddictHandlers.WholeExpiresIn.AuthorizationDescriptor);
                server.AddEventHandler(RevokeReplayedFamilies.Descriptor);
                server.AddEventHandler(FamilylessAccessTokens.Descriptor);
                server.AddEventHandler(TokenEndpointApplications.Mark.Descriptor);
                server.AddEventHandler(SpotifyTokenErrors.Descriptor);
                server.AddEventHandler(SpotifyTokenErrorStatus.Descriptor);

                // Spotify's accounts service answers compact JSON; OpenIddict indents its answers by default.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableErrorPassthrough()
                    .DisableTransportSecurityRequirement()
                    .SuppressJsonResponseIndentation();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                // No look-up of the token's entry: validating a token needs no database, so the catalog is
                // served while the database is down. Revocations reach every node through the cluster bus
                // and the Web API's ValidatedTokenCache, which refuses the tokens of a revoked authorization.
                validation.UseAspNetCore();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        services.AddSingleton<AppAccess>();
        services.AddSingleton<TokenFamilies>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenFamilies>());
        services.AddSingleton<TokenPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruning>());
        services.AddMemoryCache();
        // The session cookie is read on every request, so that pages and their anti-forgery tokens
        // know the signed-in user; the Web API's policy authenticates with its bearer scheme instead.
        services.AddAuthentication(auth => auth.DefaultAuthenticateScheme = SessionScheme)
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
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignIn>();
        services.AddScoped<DemoAccounts>();
        services.AddSingleton<DemoPasswordHash>();
        services.AddScoped<DeveloperApps>();
        services.AddSingleton<VerifiedSecrets>();
        services.AddSingleton<KnownClients>();
        // OpenIddict's application cache for its application type (this closed registration takes
        // precedence over the library's open generic one), with the library's own cache inside it.
        services.AddScoped<OpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>>();
        services.AddScoped<TokenEndpointApplications>();
        services.AddScoped<IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>>(sp => sp.GetRequiredService<TokenEndpointApplications>());
        services.AddSingleton<AppRequestCounter>();
        services.AddHostedService<AppRequestCountFlusher>();
        return services;
    }

    /// <summary>
    /// Maps the token endpoint (the authorize, login and consent pages are Jukebox.Web's). Its body
    /// limit is handed to the server by routing, before OpenIddict reads the form.
    /// </summary>
    public static IEndpointConventionBuilder MapJukeboxAccounts(this IEndpointRouteBuilder app) =>
        app.MapPost(TokenQueryParameters.TokenPath, TokenEndpoint.Exchange).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TokenEndpoint.MaxBodyBytes));
}
