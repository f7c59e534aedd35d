namespace Jukebox.Web.Pages.Dashboard;

/// <summary>The app page's form for a new fault rule: a path, a status or a latency (or both), and how many requests.</summary>
public sealed class FaultForm
{
    public string? Path { get; set; } = "/v1/";
    public int? Status { get; set; }
    public int? LatencyMs { get; set; }
    public int? Count { get; set; } = 1;
}
