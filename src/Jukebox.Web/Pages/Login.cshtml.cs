using Jukebox.Accounts;
using Jukebox.Accounts.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Jukebox.Web.Pages;

/// <summary>The login form; the rules are Accounts' (<see cref="SignIn"/>), attempts per client are limited (<see cref="LoginRateLimit"/>).</summary>
[EnableRateLimiting(LoginRateLimit.Policy)]
public sealed class LoginModel(SignIn signIn, IOptions<DemoOptions> demo) : PageModel
{
    /// <summary>The demo user to suggest (its values are public, printed at start and on the landing page), or null when the demo is off.</summary>
    public DemoOptions? Demo => demo.Value.Enabled ? demo.Value : null;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var client = SignInClient.KeyOf(HttpContext.Connection.RemoteIpAddress);
        var result = await signIn.TryAsync(Login, Password, client, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(AccountsSetup.SessionScheme, result.Session!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard");
            case SignInOutcome.MustWait:
                Error = LoginRateLimit.TooManyAttempts;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            default:
                Error = "Incorrect username or password.";
                return Page();
        }
    }
}
