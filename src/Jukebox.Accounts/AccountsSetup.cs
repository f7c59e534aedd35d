using Jukebox.Accounts.Apps;
using Jukebox.Accounts.Tokens;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Jukebox.Accounts;

public static class AccountsSetup
{
    /// <summary>The authorization policy of every /v1 route: a valid Spotify-style bearer token.</summary>
    public const string ApiPolicy = "SpotifyApi";

    public static IServiceCollection AddJukeboxAccounts(this IServiceCollection services, string publicBaseUrl)
    {
        // Tokens are protected with ASP.NET Core Data Protection, whose key ring lives in the shared
        // database, so every node can read the tokens every other node issued.
        services.AddDataProtection()
            .SetApplicationName("Jukebox")
            .PersistKeysToDbContext<JukeboxDbContext>();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<JukeboxDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(publicBaseUrl.TrimEnd('/') + "/"));
                server.SetTokenEndpointUris("api/token");
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                // Only identity tokens would be JWTs, and Jukebox issues none; these keys sign nothing that lasts.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseDataProtection();
                server.AddEventHandler(SpotifyTokenErrors.Descriptor);
                server.AddEventHandler(SpotifyTokenErrorStatus.Descriptor);
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
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
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());

        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<DemoAccounts>();
        return services;
    }

    public static void MapJukeboxAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/token", TokenEndpoint.Exchange).DisableAntiforgery();
    }
}
