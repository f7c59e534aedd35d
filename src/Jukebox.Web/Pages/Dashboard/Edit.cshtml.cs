using Jukebox.Accounts.Apps;
using Microsoft.AspNetCore.Mvc;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>GET/POST /dashboard/apps/{clientId}/edit: name, description, website and redirect URIs.</summary>
public sealed class EditModel(DeveloperApps apps) : DashboardPageModel(apps)
{
    [FromRoute]
    public string ClientId { get; set; } = "";

    [BindProperty]
    public AppSettingsForm Form { get; set; } = new();

    public string AppName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAppAsync(ClientId) is not ({ } app, var redirectUris))
        {
            return AppNotFound();
        }
        AppName = app.Name;
        Form = new AppSettingsForm
        {
            Name = app.Name,
            Description = app.Description,
            Website = app.Website,
            RedirectUris = string.Join('\n', redirectUris),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAppAsync(ClientId) is not ({ } app, _))
        {
            return AppNotFound();
        }
        AppName = app.Name;
        try
        {
            await Apps.UpdateAsync(UserId, ClientId, Form.TrimmedName, Form.TrimmedDescription, Form.TrimmedWebsite,
                Lines(Form.RedirectUris), HttpContext.RequestAborted);
            Flash = "Settings saved.";
            return Redirect($"/dashboard/apps/{ClientId}");
        }
        catch (AppRuleException problem)
        {
            ShowProblem(problem, "Form.");
            return Page();
        }
    }
}
