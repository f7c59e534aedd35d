using System.Globalization;
using Jukebox.Data;
using Jukebox.Sandbox;
using Jukebox.Sandbox.Clock;
using Jukebox.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// /dashboard/sandbox: what a test does to the whole server through the sandbox API, for a person —
/// the server's clock (read it, move it ahead), a reset to the freshly seeded state, and a snapshot
/// of all user-made state to download. It obeys the sandbox's rules: absent (404) with
/// <c>Sandbox:Enabled</c> off, locked until the admin key is entered when <c>Sandbox:AdminKey</c> is
/// set (<see cref="SandboxKeyCookie"/>), and refused to pages of other origins.
/// </summary>
public sealed class SandboxModel(SandboxGuard guard, SandboxKeyCookie keys, ServerClock clock) : PageModel
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

    public bool Locked { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public TimeSpan Offset { get; private set; }

    public IActionResult OnGet() => Refusal() ?? Show();

    public IActionResult OnPostUnlock()
    {
        if (Refusal(requireKey: false) is { } refused)
        {
            return refused;
        }
        if (!keys.TryUnlock(AdminKey, Request, Response))
        {
            ModelState.AddModelError(nameof(AdminKey), SandboxGuard.InvalidAdminKeyMessage);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Show();
        }
        Flash = "The sandbox is unlocked for this browser session.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdvanceAsync([FromServices] ServerClockSync sync, [FromServices] JukeboxDbContext db)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        if (Amount is not { } amount || amount <= 0 || !double.IsFinite(amount) || !Units.TryGetValue(Unit, out var unit))
        {
            return Problem(nameof(Amount), "Enter a number of seconds, minutes, hours or days above zero.");
        }
        var milliseconds = amount * unit;
        if (milliseconds >= ServerClockSync.MaxOffsetMilliseconds || !await sync.AdvanceAsync(db, (long)Math.Round(milliseconds), HttpContext.RequestAborted))
        {
            return Problem(nameof(Amount), "The clock cannot move more than 100 years ahead.");
        }
        Flash = $"The clock moved {amount.ToString(CultureInfo.InvariantCulture)} {Unit} ahead, on every node.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync([FromServices] SandboxReset reset)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        if (!ConfirmReset)
        {
            return Problem(nameof(ConfirmReset), "Tick the box to confirm the reset.");
        }
        await reset.RunAsync();
        Flash = "The server was reset to its freshly seeded state, on every node.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetSnapshotAsync([FromServices] SnapshotWriter writer) =>
        Refusal() ?? File(await writer.WriteAsync(HttpContext.RequestAborted), "application/json", SnapshotFile.FileName);

    /// <summary>Why the request may not use the page (a 404 or 403 page, or the page asking for the key); null when it may.</summary>
    private IActionResult? Refusal(bool requireKey = true)
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
            return Show();
        }
        return null;
    }

    private IActionResult Problem(string field, string message)
    {
        // In place of the binder's own message, for a value that is not a number.
        ModelState.Remove(field);
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Show();
    }

    private PageResult Show()
    {
        Locked = !keys.Unlocks(Request);
        if (!Locked)
        {
            Now = clock.GetUtcNow();
            Offset = TimeSpan.FromMilliseconds(clock.OffsetMilliseconds);
        }
        return Page();
    }
}
