using Jukebox.Accounts.Apps;
using Microsoft.AspNetCore.Mvc;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>GET/POST /dashboard/create: a new app; its page then shows the secret once.</summary>
public sealed class CreateModel(DeveloperApps apps) : DashboardPageModel(apps)
{
    [BindProperty]
    public AppSettingsForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var created = await Apps.CreateAsync(UserId, Form.TrimmedName, Form.TrimmedDescription, Form.TrimmedWebsite,
                Lines(Form.RedirectUris), HttpContext.RequestAborted);
            TempData[NewSecretKey + created.ClientId] = created.ClientSecret;
            Flash = "App created.";
            return Redirect($"/dashboard/apps/{created.ClientId}");
        }
        catch (AppRuleException problem)
        {
            ShowProblem(problem, "Form.");
            return Page();
        }
    }
}
