using Jukebox.Web;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// What the dashboard pages share. Every page of the folder needs the session cookie (see
/// <see cref="WebSetup.DashboardPolicy"/>) and shows only the signed-in user's apps: any other
/// client id is answered with the same 404 as an unknown one. The rules live in <see cref="DeveloperApps"/>.
/// </summary>
public abstract class DashboardPageModel(DeveloperApps apps) : PageModel
{
    protected DeveloperApps Apps => apps;

    /// <summary>The signed-in user's id.</summary>
    protected string UserId => User.FindFirst("sub")!.Value;

    /// <summary>A message to show once on the next page (after a redirect).</summary>
    [TempData]
    public string? Flash { get; set; }

    /// <summary>The app the page is about, when it is one of the signed-in user's; null otherwise.</summary>
    protected async Task<(DeveloperApp App, IReadOnlyList<string> RedirectUris)?> FindAppAsync(string clientId) =>
        await apps.FindAsync(UserId, clientId, HttpContext.RequestAborted);

    protected static IActionResult AppNotFound() =>
        new ViewResult { ViewName = "/Pages/Dashboard/_AppNotFound.cshtml", StatusCode = StatusCodes.Status404NotFound };

    /// <summary>Puts the broken rule's message next to its field, or above the form.</summary>
    protected void ShowProblem(AppRuleException problem, string? prefix = null) =>
        ModelState.AddModelError(problem.Field is null ? "" : prefix + problem.Field, problem.Message);

    /// <summary>The non-empty lines of a text area, trimmed.</summary>
    protected static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>The secret shown once after creating the app or rotating it; it is stored only hashed.</summary>
    protected const string NewSecretKey = "NewClientSecret";
}
