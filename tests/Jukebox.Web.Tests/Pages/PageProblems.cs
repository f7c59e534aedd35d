using Microsoft.Playwright;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// What went wrong while a page loaded, as a person would notice it in the browser's console and
/// network panel: console errors (CSP violations included), requests that failed or answered an
/// error status, and any request that left the server's origin (pages must work offline).
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page, Uri origin)
    {
        var own = origin.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"script error: {error}");
        page.RequestFailed += (_, request) => Add($"failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"{response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            // data: URLs (icons drawn inline) stay on the page.
            if (!request.Url.StartsWith("data:", StringComparison.Ordinal) &&
                !request.Url.StartsWith(own + "/", StringComparison.OrdinalIgnoreCase))
            {
                Add($"other origin: {request.Url}");
            }
        };
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Fails with every problem in the message (an assertion on the list would cut them short).</summary>
    public void AssertNone()
    {
        var all = All;
        Assert.True(all.Count == 0, $"{all.Count} problem(s):\n" + string.Join("\n", all));
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
