using System.Globalization;
using Jukebox.Data;
using Jukebox.Sandbox;
using Jukebox.Sandbox.Clock;
using Jukebox.Sandbox.State;
using Jukebox.Sandbox.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// /dashboard/sandbox: what a test does to the whole server through the sandbox API, for a person —
/// the server's clock (read it, move it ahead), its users, a reset to the freshly seeded state, and a snapshot
/// of all user-made state to download. It obeys the sandbox's rules: absent (404) with
/// <c>Sandbox:Enabled</c> off, locked until the admin key is entered when <c>Sandbox:AdminKey</c> is
/// set (<see cref="SandboxKeyCookie"/>), and refused to pages of other origins.
/// </summary>
public sealed class SandboxModel(SandboxGuard guard, SandboxKeyCookie keys, ServerClock clock, JukeboxDbContext db) : PageModel
{
    /// <summary>The units the clock form offers, in milliseconds.</summary>
    public static readonly IReadOnlyDictionary<string, long> Units = new Dictionary<string, long>
    {
        ["seconds"] = 1_000, ["minutes"] = 60_000, ["hours"] = 3_600_000, ["days"] = 86_400_000,
    };

    [BindProperty]
    public string? AdminKey { get; set; }

    [BindProperty]
    public double? Amount { get; set; }

    [BindProperty]
    public string Unit { get; set; } = "hours";

    /// <summary>The reset form's check box: a reset deletes what every user made.</summary>
    [BindProperty]
    public bool ConfirmReset { get; set; }

    [TempData]
    public string? Flash { get; set; }

    /// <summary>The most users the page lists; the sandbox API lists them all.</summary>
    public const int ShownUsers = 100;

    public bool Locked { get; private set; }
    public IReadOnlyList<SandboxEndpoints.SandboxUser> Users { get; private set; } = [];
    public int UserCount { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public TimeSpan Offset { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await RefusalAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (await RefusalAsync(requireKey: false) is { } refused)
        {
            return refused;
        }
        if (!keys.TryUnlock(AdminKey, Request, Response))
        {
            ModelState.AddModelError(nameof(AdminKey), SandboxGuard.InvalidAdminKeyMessage);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return await ShowAsync();
        }
        Flash = "The sandbox is unlocked for this browser session.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdvanceAsync([FromServices] ServerClockSync sync)
    {
        if (await RefusalAsync() is { } refused)
        {
            return refused;
        }
        if (Amount is not { } amount || amount <= 0 || !double.IsFinite(amount) || !Units.TryGetValue(Unit, out var unit))
        {
            return await ProblemAsync(nameof(Amount), "Enter a number of seconds, minutes, hours or days above zero.");
        }
        var milliseconds = amount * unit;
        if (milliseconds >= ServerClockSync.MaxOffsetMilliseconds || !await sync.AdvanceAsync(db, (long)Math.Round(milliseconds), HttpContext.RequestAborted))
        {
            return await ProblemAsync(nameof(Amount), ServerClockSync.TooFarMessage + ".");
        }
        Flash = $"The clock moved {amount.ToString(CultureInfo.InvariantCulture)} {Unit} ahead, on every node.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync([FromServices] SandboxReset reset)
    {
        if (await RefusalAsync() is { } refused)
        {
            return refused;
        }
        if (!ConfirmReset)
        {
            return await ProblemAsync(nameof(ConfirmReset), "Tick the box to confirm the reset.");
        }
        await reset.RunAsync();
        Flash = "The server was reset to its freshly seeded state, on every node.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetSnapshotAsync([FromServices] SnapshotWriter writer) =>
        await RefusalAsync() ?? File(await writer.WriteAsync(HttpContext.RequestAborted), "application/json", SnapshotFile.FileName);

    /// <summary>Why the request may not use the page (a 404 or 403 page, or the page asking for the key); null when it may.</summary>
    private async Task<IActionResult?> RefusalAsync(bool requireKey = true)
    {
        if (!guard.IsEnabled)
        {
            return NotFound();
        }
        if (guard.IsCrossOrigin(Request))
        {
            return new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = SandboxGuard.CrossOriginMessage, ContentType = "text/plain" };
        }
        if (requireKey && !keys.Unlocks(Request))
        {
            Response.StatusCode = HttpMethods.IsGet(Request.Method) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            return await ShowAsync();
        }
        return null;
    }

    private async Task<IActionResult> ProblemAsync(string field, string message)
    {
        // In place of the binder's own message, for a value that is not a number.
        ModelState.Remove(field);
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync();
    }

    private async Task<PageResult> ShowAsync()
    {
        Locked = !keys.Unlocks(Request);
        if (!Locked)
        {
            Now = clock.GetUtcNow();
            Offset = TimeSpan.FromMilliseconds(clock.OffsetMilliseconds);
            UserCount = await db.Users.CountAsync(HttpContext.RequestAborted);
            Users = await SandboxUsersEndpoints.Listed(db).Take(ShownUsers).ToListAsync(HttpContext.RequestAborted);
        }
        return Page();
    }
}
