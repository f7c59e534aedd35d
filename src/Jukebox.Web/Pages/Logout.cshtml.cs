using Jukebox.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jukebox.Web.Pages;

/// <summary>POST /logout ends the session (GET only shows the button, so a link cannot sign anyone out).</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AccountsSetup.SessionScheme);
        return LocalRedirect("/login");
    }
}
