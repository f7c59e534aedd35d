using Jukebox.Accounts;
using Jukebox.Accounts.Authorization;
using Jukebox.Accounts.Tokens;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Web.Pages;

/// <summary>
/// GET/POST /authorize: the login redirect, the consent page (Agree / Cancel) and the decision.
/// Problems with the client or the redirect URI are shown here and never redirected, because the
/// redirect target cannot be trusted; every other outcome goes back to the app.
/// </summary>
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    JukeboxDbContext db,
    IOptions<AccountsOptions> options) : PageModel
{
    public string? ErrorMessage { get; private set; }
    public string AppName { get; private set; } = "";
    public string AppDescription { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public IReadOnlyList<(string Scope, string Description)> RequestedScopes { get; private set; } = [];
    public IReadOnlyList<(string Name, string Value)> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(decision: null);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision) => HandleAsync(decision ?? "");

    private async Task<IActionResult> HandleAsync(string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null || string.IsNullOrEmpty(request.ClientId))
        {
            return ErrorPage("Missing required parameter: client_id");
        }
        var application = await applications.FindByClientIdAsync(request.ClientId);
        if (application is null)
        {
            return ErrorPage("INVALID_CLIENT: Invalid client");
        }
        if (string.IsNullOrEmpty(request.RedirectUri))
        {
            return ErrorPage("Missing required parameter: redirect_uri");
        }
        if (!RedirectUriRules.IsAllowed(await applications.GetRedirectUrisAsync(application), request.RedirectUri))
        {
            return ErrorPage("INVALID_CLIENT: Invalid redirect URI");
        }

        // From here on the redirect URI is trusted: errors go back to the app.
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } error })
        {
            return error == Errors.InvalidScope ? ErrorPage("Illegal scope", StatusCodes.Status400BadRequest) : BackToApp(error);
        }
        var app = await db.DeveloperApps.FindAsync([request.ClientId], HttpContext.RequestAborted);
        if (request.HasResponseType(ResponseTypes.Token) && !(options.Value.AllowImplicitGrant && app?.AllowImplicitGrant == true))
        {
            return BackToApp(Errors.UnsupportedResponseType);
        }

        var session = await HttpContext.AuthenticateAsync(AccountsSetup.SessionScheme);
        var user = session.Succeeded ? await db.Users.FindAsync([session.Principal!.FindFirst("sub")?.Value], HttpContext.RequestAborted) : null;
        if (user is null)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(FormOrQuery()) },
                AccountsSetup.SessionScheme);
        }

        var scopes = request.GetScopes();
        var applicationId = await applications.GetIdAsync(application);
        if (decision == "cancel")
        {
            return BackToApp(Errors.AccessDenied);
        }
        object? authorization = null;
        if (decision == "agree")
        {
            authorization = await authorizations.CreateAsync(
                principal: UserPrincipals.Create(user, request.ClientId, scopes, pkce: false),
                subject: user.Id, client: applicationId!, type: AuthorizationTypes.Permanent, scopes: [.. scopes]);
        }
        else if (request["show_dialog"]?.ToString() is not "true")
        {
            // Consent given before for these scopes is remembered.
            await foreach (var existing in authorizations.FindAsync(user.Id, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes))
            {
                authorization = existing;
                break;
            }
        }

        if (authorization is null)
        {
            AppName = await applications.GetDisplayNameAsync(application) ?? request.ClientId;
            AppDescription = app?.Description ?? "";
            UserName = user.DisplayName;
            RequestedScopes = [.. scopes.Where(Jukebox.Accounts.Authorization.SpotifyScopes.IsKnown).Select(s => (s, Jukebox.Accounts.Authorization.SpotifyScopes.UserDescriptions[s]))];
            Parameters = [.. FormOrQuery().Where(p => p.Key is not ("decision" or "__RequestVerificationToken")).Select(p => (p.Key, p.Value ?? ""))];
            return Page();
        }

        // The permanent authorization only records the consent. The code is given no authorization, so
        // OpenIddict gives it an ad hoc one of its own: its tokens form a family that a replay of this
        // code revokes without touching the tokens of the user's other authorizations of the app.
        var principal = UserPrincipals.Create(user, request.ClientId, scopes, pkce: !string.IsNullOrEmpty(request.CodeChallenge));
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IEnumerable<KeyValuePair<string, string?>> FormOrQuery() =>
        Request.HasFormContentType
            ? Request.Form.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
            : Request.Query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()));

    /// <summary>
    /// Sends the browser back to the (already validated) redirect URI with only error and state, as
    /// Spotify does; in the fragment for response_type=token. Built here because OpenIddict cannot
    /// apply a response to a request it has already rejected and passed through.
    /// </summary>
    private RedirectResult BackToApp(string error)
    {
        var request = HttpContext.GetOpenIddictServerRequest()!;
        var redirect = request.RedirectUri!;
        var separator = request.HasResponseType(ResponseTypes.Token) ? "#" : redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var state = request.State is null ? "" : "&state=" + Uri.EscapeDataString(request.State);
        return Redirect($"{redirect}{separator}error={Uri.EscapeDataString(error)}{state}");
    }

    private PageResult ErrorPage(string message, int status = StatusCodes.Status400BadRequest)
    {
        ErrorMessage = message;
        Response.StatusCode = status;
        return Page();
    }
}
