using System.Globalization;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// The geometry of the request-volume chart: one bar per 30-second bucket of the last hour, stacked by
/// outcome (2xx, 4xx, 429, 5xx from the bottom up), drawn as inline SVG by _RequestVolumeChart.cshtml
/// (no script needed).
/// </summary>
public sealed class RequestVolumeChart
{
    public const int Buckets = 120;
    public const double Width = 760, Height = 200;
    private const double Left = 48, Right = 10, Top = 12, Bottom = 28;

    public RequestVolumeChart(IReadOnlyList<RequestBucket> buckets)
    {
        Total = buckets.Sum(b => b.Count);
        Peak = buckets.Count == 0 ? 0 : buckets.Max(b => b.Count);
        Totals = [.. Outcomes.Select(o => (o, buckets.Sum(b => o.CountOf(b))))];
        Scale = NiceCeiling(Peak);
        var step = PlotWidth / Math.Max(1, buckets.Count);
        Bars = [.. buckets.SelectMany((b, i) =>
        {
            var bottom = Top + PlotHeight;
            var bars = new List<Bar>();
            foreach (var outcome in Outcomes)
            {
                var count = outcome.CountOf(b);
                if (count == 0)
                {
                    continue;
                }
                var height = Math.Max(1, PlotHeight * count / Scale);
                bottom -= height;
                bars.Add(new Bar(b.Start, outcome, count, Left + (i * step) + 0.5, bottom, Math.Max(1, step - 1.2), height));
            }
            return bars;
        })];
        XLabels = [.. new[] { 0, 30, 60, 90, buckets.Count - 1 }.Where(i => i >= 0 && i < buckets.Count).Distinct()
            .Select(i => new Label(Left + (i * step) + (step / 2), Height - 10,
                buckets[i].Start.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)))];
        YLabels = [.. new[] { 0, Scale % 2 == 0 ? Scale / 2 : 0, Scale }.Distinct().Select(v => new Label(Left - 6, Top + PlotHeight - (PlotHeight * v / Scale), Number(v)))];
        From = buckets.Count == 0 ? default : buckets[0].Start;
        Until = buckets.Count == 0 ? default : buckets[^1].Start + AppRequestCount.BucketLength;
    }

    /// <summary>A part of the requests, by status; its class colours its bars.</summary>
    public sealed record Outcome(string Name, string CssClass, Func<RequestBucket, long> CountOf);

    public static readonly IReadOnlyList<Outcome> Outcomes =
    [
        new("2xx", "ok", b => b.Succeeded),
        new("4xx", "client-error", b => b.ClientErrors),
        new("429", "rate-limited", b => b.RateLimited),
        new("5xx", "server-error", b => b.ServerErrors),
    ];

    /// <summary>One outcome's part of one bucket's bar.</summary>
    public sealed record Bar(DateTimeOffset Start, Outcome Outcome, long Count, double X, double Y, double BarWidth, double BarHeight)
    {
        public string Title => $"{Start.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC: {Number(Count)} {Outcome.Name} {(Count == 1 ? "request" : "requests")}";
    }

    public sealed record Label(double X, double Y, string Text);

    public long Total { get; }
    public long Peak { get; }

    /// <summary>Each outcome's requests over the whole chart.</summary>
    public IReadOnlyList<(Outcome Outcome, long Count)> Totals { get; }

    /// <summary>The count at the top of the chart: the peak rounded up to 1, 2 or 5 times a power of ten.</summary>
    public long Scale { get; }
    public IReadOnlyList<Bar> Bars { get; }
    public IReadOnlyList<Label> XLabels { get; }
    public IReadOnlyList<Label> YLabels { get; }
    public DateTimeOffset From { get; }
    public DateTimeOffset Until { get; }

    public static double PlotLeft => Left;
    public static double PlotRight => Width - Right;
    public static double PlotTop => Top;
    public static double PlotBottom => Top + PlotHeight;
    private static double PlotWidth => Width - Left - Right;
    private static double PlotHeight => Height - Top - Bottom;

    /// <summary>An SVG coordinate.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An SVG text element (Razor reserves the &lt;text&gt; tag for itself).</summary>
    public static string Text(double x, double y, string anchor, string text) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{System.Net.WebUtility.HtmlEncode(text)}</text>";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static long NiceCeiling(long peak)
    {
        for (long power = 1; ; power *= 10)
        {
            foreach (var factor in (long[])[1, 2, 5])
            {
                if (factor * power >= peak)
                {
                    return factor * power;
                }
            }
        }
    }
}
