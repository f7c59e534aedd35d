using Jukebox.Accounts;
using System.Security.Claims;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jukebox.Web.Pages;

public sealed class LoginModel(JukeboxDbContext db, IPasswordHasher<User> hasher, TimeProvider clock, IOptions<AccountsOptions> options) : PageModel
{
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
        var login = Login?.Trim() ?? "";
        var normalized = login.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.Id == login, HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        if (user is { LockedUntil: { } until } && until > now)
        {
            Error = "Too many failed attempts. Try again later.";
            return Page();
        }
        if (user?.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, Password ?? "") == PasswordVerificationResult.Failed)
        {
            if (user is not null)
            {
                user.FailedSignIns++;
                if (user.FailedSignIns >= options.Value.MaxFailedSignIns)
                {
                    user.LockedUntil = now + options.Value.LockoutDuration;
                    user.FailedSignIns = 0;
                }
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }
            Error = "Incorrect username or password.";
            return Page();
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(HttpContext.RequestAborted);

        var identity = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("name", user.DisplayName)], AccountsSetup.SessionScheme, "name", "role");
        await HttpContext.SignInAsync(AccountsSetup.SessionScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard");
    }
}
