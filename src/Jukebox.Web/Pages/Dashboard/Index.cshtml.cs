using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>GET /dashboard: the signed-in user's apps.</summary>
public sealed class IndexModel(DeveloperApps apps) : DashboardPageModel(apps)
{
    public IReadOnlyList<DeveloperApp> MyApps { get; private set; } = [];

    public async Task OnGetAsync() => MyApps = await Apps.ListAsync(UserId, HttpContext.RequestAborted);
}
