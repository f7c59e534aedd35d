using System.Security.Claims;
using System.Text.Encodings.Web;
using Jukebox.Accounts.Apps;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Jukebox.Api.Http;

/// <summary>
/// Authenticates Web API requests the way Spotify does, with its error texts: no header is 401 "No
/// token provided", anything but "Bearer &lt;token&gt;" is 400, an unknown token 401 "Invalid access
/// token", an expired one 401 "The access token expired". The token itself is validated by
/// OpenIddict (it is self-contained and data-protected; its entry is read once to see whether it was
/// revoked); a validated token is remembered until it expires or its family is revoked, so later
/// requests cost one dictionary probe.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILogger<BearerTokenHandler> logger,
    UrlEncoder encoder,
    ValidatedTokenCache cache,
    AppAccess access,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, new OneLoggerFactory(logger), encoder)
{
    public const string SchemeName = "SpotifyBearer";
    private const string FailureKey = "jukebox.bearer.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.NoToken);
        }
        var read = TokenOf(header);
        if (read.IsEmpty)
        {
            return Fail(StatusCodes.Status400BadRequest, SpotifyErrors.OnlyBearer);
        }
        var token = read.ToString();

        if (cache.TryGet(token, out var cached))
        {
            if (cached.ExpiresAt > clock.GetUtcNow())
            {
                return await SucceedAsync(cached.Principal, cached.Caller);
            }
            Context.Features.Set(new RefusedCaller(cached.Caller));
            return Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.ExpiredToken);
        }

        if (await PrepareValidationAsync())
        {
            // OpenIddict's validation answered the request itself (a request it cannot read); nothing to add.
            return AuthenticateResult.Fail(SpotifyErrors.InvalidToken);
        }
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result is { Succeeded: true, Principal: { } principal } && Caller.FromPrincipal(principal) is { } caller)
        {
            if (cache.IsRevoked(principal))
            {
                return Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.InvalidToken);
            }
            var expiresAt = result.Properties?.ExpiresUtc ?? clock.GetUtcNow().AddMinutes(1);
            cache.Add(token, principal, caller, expiresAt);
            return await SucceedAsync(principal, caller);
        }
        var description = result.Properties?.GetString(".error_description") ?? "";
        return description.Contains("no longer valid", StringComparison.Ordinal)
            ? Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.ExpiredToken)
            : Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.InvalidToken);
    }

    /// <summary>The token of an Authorization header of the form "Bearer &lt;token&gt;"; empty for any other.</summary>
    public static ReadOnlySpan<char> TokenOf(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.AsSpan(7).Trim() : default;

    /// <summary>
    /// Web API requests do not pass the authentication middleware (see ApiEndpoints.IsApiPath), which
    /// would run every request handler of OpenIddict's schemes on each of them. OpenIddict's validation
    /// reads the request context its request handler makes, so that is made here, and only when a
    /// token has to be validated. True when that handler answered the request itself, as the
    /// authentication middleware would have let it.
    /// </summary>
    private async Task<bool> PrepareValidationAsync() =>
        Context.Features.Get<OpenIddictValidationAspNetCoreFeature>() is null
        && await Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>()
            .GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler validation
        && await validation.HandleRequestAsync();

    private async ValueTask<AuthenticateResult> SucceedAsync(ClaimsPrincipal principal, Caller caller)
    {
        Context.Features.Set(caller);
        // A deleted app's tokens are worthless; development-mode apps serve only their allowlisted
        // users (cached per node and invalidated across nodes, see AppAccess).
        return await access.CheckAsync(caller.ClientId, caller.UserId, Context.RequestAborted) switch
        {
            AppVerdict.UnknownApp => Fail(StatusCodes.Status401Unauthorized, SpotifyErrors.InvalidToken),
            AppVerdict.UserNotAllowed => Fail(StatusCodes.Status403Forbidden, "User not registered in the Developer Dashboard"),
            AppVerdict.OwnerNotPremium => Fail(StatusCodes.Status403Forbidden, SpotifyErrors.OwnerNotPremium),
            _ => AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)),
        };
    }

    private AuthenticateResult Fail(int status, string message)
    {
        Context.Items[FailureKey] = (status, message);
        return AuthenticateResult.Fail(message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Response.HasStarted)
        {
            return Task.CompletedTask;
        }
        var (status, message) = Context.Items[FailureKey] is (int s, string m) ? (s, m) : (StatusCodes.Status401Unauthorized, SpotifyErrors.NoToken);
        return SpotifyErrors.WriteAsync(Context, status, message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SpotifyErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, SpotifyErrors.InsufficientScope);

    /// <summary>
    /// Gives the base class the logger that dependency injection already holds (same category, the
    /// handler's type name). A handler is created per request, and LoggerFactory.CreateLogger takes
    /// a process-wide lock, which under load made requests queue behind each other.
    /// </summary>
    private sealed class OneLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
