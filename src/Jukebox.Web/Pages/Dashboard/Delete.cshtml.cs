using Jukebox.Accounts.Apps;
using Microsoft.AspNetCore.Mvc;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>GET /dashboard/apps/{clientId}/delete asks for confirmation; POST deletes.</summary>
public sealed class DeleteModel(DeveloperApps apps) : DashboardPageModel(apps)
{
    [FromRoute]
    public string ClientId { get; set; } = "";

    public string AppName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAppAsync(ClientId) is not ({ } app, _))
        {
            return AppNotFound();
        }
        AppName = app.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAppAsync(ClientId) is not ({ } app, _))
        {
            return AppNotFound();
        }
        await Apps.DeleteAsync(UserId, ClientId, HttpContext.RequestAborted);
        Flash = $"{app.Name} was deleted.";
        return Redirect("/dashboard");
    }
}
