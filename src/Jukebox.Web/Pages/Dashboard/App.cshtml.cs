using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Mvc;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// /dashboard/apps/{clientId}: the app's client ID, its secret (only right after it was made, since it
/// is stored hashed), redirect URIs, request volume, quota mode and development-mode allowlist.
/// </summary>
public sealed class AppModel(DeveloperApps apps, AppRequestCounter requests) : DashboardPageModel(apps)
{
    [FromRoute]
    public string ClientId { get; set; } = "";

    /// <summary>The username or email address to add to the allowlist.</summary>
    [BindProperty]
    public string? NewUser { get; set; }

    public DeveloperApp App { get; private set; } = null!;
    public IReadOnlyList<string> RedirectUris { get; private set; } = [];
    public IReadOnlyList<DeveloperApps.AllowedUser> AllowedUsers { get; private set; } = [];
    public RequestVolumeChart Chart { get; private set; } = null!;
    public string? NewSecret { get; private set; }

    public bool InDevelopmentMode => App.QuotaMode == QuotaModes.Development;

    public async Task<IActionResult> OnGetAsync()
    {
        NewSecret = TempData[NewSecretKey + ClientId] as string;
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostRotateAsync() => ChangeAsync(async ct =>
    {
        TempData[NewSecretKey + ClientId] = await Apps.RotateSecretAsync(UserId, ClientId, ct);
        return "The client secret was rotated: the old secret no longer works.";
    });

    public Task<IActionResult> OnPostQuotaAsync([FromForm] string? mode) => ChangeAsync(async ct =>
    {
        await Apps.SetQuotaModeAsync(UserId, ClientId, mode ?? "", ct);
        return mode == QuotaModes.Extended ? "The app is now in extended quota mode." : "The app is now in development mode.";
    });

    public Task<IActionResult> OnPostAllowAsync() => ChangeAsync(async ct =>
    {
        await Apps.AllowUserAsync(UserId, ClientId, NewUser ?? "", ct);
        return $"{NewUser?.Trim()} was added to the app's users.";
    });

    public Task<IActionResult> OnPostRemoveUserAsync([FromForm] string? userId) => ChangeAsync(async ct =>
    {
        await Apps.RemoveUserAsync(UserId, ClientId, userId ?? "", ct);
        return $"{userId} was removed from the app's users.";
    });

    /// <summary>Makes a change, then shows the page again by redirect; a broken rule is shown on the page.</summary>
    private async Task<IActionResult> ChangeAsync(Func<CancellationToken, Task<string>> change)
    {
        if (await FindAppAsync(ClientId) is null)
        {
            return AppNotFound();
        }
        try
        {
            Flash = await change(HttpContext.RequestAborted);
            return Redirect($"/dashboard/apps/{ClientId}");
        }
        catch (AppRuleException problem)
        {
            ModelState.AddModelError(problem.Field == AppFields.User ? nameof(NewUser) : "", problem.Message);
            return await ShowAsync();
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await FindAppAsync(ClientId) is not { } found)
        {
            return AppNotFound();
        }
        (App, RedirectUris) = found;
        AllowedUsers = await Apps.ListUsersAsync(UserId, ClientId, ct);
        Chart = new RequestVolumeChart(await requests.RecentAsync(ClientId, RequestVolumeChart.Buckets, ct));
        return Page();
    }
}
