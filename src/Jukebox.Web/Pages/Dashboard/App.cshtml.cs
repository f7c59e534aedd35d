using Jukebox.Accounts.Apps;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;
using Jukebox.Sandbox;
using Jukebox.Sandbox.Faults;
using Jukebox.Sandbox.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// /dashboard/apps/{clientId}: the app's client ID, its secret (only right after it was made, since it
/// is stored hashed), redirect URIs, request volume by outcome, the live table of its recent requests,
/// its sandbox faults, quota mode and development-mode allowlist.
/// </summary>
public sealed class AppModel(
    DeveloperApps apps, AppRequestCounter requests, RequestLog log, FaultRules faults, IOptions<SandboxOptions> sandbox, SandboxKeyCookie keys)
    : DashboardPageModel(apps)
{
    /// <summary>The rows of the request table the page starts with; newer ones arrive through its event stream.</summary>
    public const int RecentRows = 20;

    /// <summary>The most rows the live table keeps.</summary>
    public const int MaxRows = 50;

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

    /// <summary>A fault rule to add for the app.</summary>
    [BindProperty]
    public FaultForm NewFault { get; set; } = new();

    public bool SandboxEnabled => sandbox.Value.Enabled;

    /// <summary>Whether the faults may be shown and changed: no admin key is set, or it was given on the sandbox page.</summary>
    public bool SandboxUnlocked => _unlocked ??= keys.Unlocks(Request);

    // The page asks several times per request; the cookie is decrypted once.
    private bool? _unlocked;
    public IReadOnlyList<FaultRule> Faults { get; private set; } = [];
    public IReadOnlyList<RequestLogEntry> RecentRequests { get; private set; } = [];

    /// <summary>The request log's sequence when the page was made: the event stream sends what came after.</summary>
    public long LogSequence { get; private set; }

    public bool InDevelopmentMode => App.QuotaMode == QuotaModes.Development;

    /// <summary>How many users the app may list in development mode, under its API profile.</summary>
    public int UserLimit => DeveloperApps.UserLimit(App.ApiProfile);

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

    public Task<IActionResult> OnPostProfileAsync([FromForm] string? profile) => ChangeAsync(async ct =>
    {
        await Apps.SetApiProfileAsync(UserId, ClientId, profile ?? "", ct);
        return $"The app is now served the {profile} profile of the Web API.";
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

    public Task<IActionResult> OnPostAddFaultAsync() => ChangeAsync(async ct =>
    {
        RequireSandbox();
        var rule = await faults.AddAsync(new FaultRequest(ClientId, null, null, NewFault.Path, NewFault.Status, null,
            NewFault.LatencyMs, null, null, NewFault.Count, null), ct);
        return $"Fault added: {rule.Path} now {Describe(rule)}.";
    });

    public Task<IActionResult> OnPostRemoveFaultAsync([FromForm] string? faultId) => ChangeAsync(async ct =>
    {
        RequireSandbox();
        return await faults.RemoveAsync(faultId ?? "", ClientId, ct) ? "The fault was removed." : "That fault was already gone.";
    });

    /// <summary>What a rule does to a request, in words.</summary>
    public static string Describe(FaultRule rule) => string.Join(" and ", new[]
    {
        rule.LatencyMs is > 0 ? $"waits {rule.LatencyMs} ms" : null,
        rule.Status is { } status ? $"answers {status}" : null,
        rule.ResetConnection ? "resets the connection" : null,
    }.Where(part => part is not null));

    private void RequireSandbox()
    {
        if (!SandboxEnabled)
        {
            throw SpotifyException.BadRequest("The sandbox is turned off on this server");
        }
        if (!SandboxUnlocked)
        {
            throw SpotifyException.BadRequest("Enter the admin key on the sandbox page first");
        }
    }

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
        catch (SpotifyException problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            // A fault rule the sandbox refused, with its reason.
            ModelState.AddModelError(nameof(NewFault), problem.Message);
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
        if (SandboxEnabled && SandboxUnlocked)
        {
            LogSequence = log.NextSequence();
            RecentRequests = log.Query(ClientId, null, null, RecentRows);
        }
        Faults = SandboxEnabled && SandboxUnlocked ? await faults.ListAsync(ClientId, ct) : [];
        return Page();
    }
}
