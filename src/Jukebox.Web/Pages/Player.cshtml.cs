using Jukebox.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jukebox.Web.Pages;

/// <summary>
/// The web player: while open it is one of the signed-in user's Spotify Connect devices (see
/// WebPlayer/WebPlayerEndpoints), shows what plays and follows every change at once.
/// </summary>
[Authorize(Policy = WebSetup.DashboardPolicy)]
public sealed class PlayerModel : PageModel
{
    public void OnGet()
    {
    }
}
