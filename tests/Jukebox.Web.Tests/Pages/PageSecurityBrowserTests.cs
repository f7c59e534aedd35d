using System.Net;
using System.Net.Sockets;
using System.Text;
using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The pages' security headers in Chromium: the pages work under their policy, and no site can frame them.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class PageSecurityBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task The_pages_styles_and_scripts_run_under_their_content_security_policy()
    {
        var page = await server.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        await page.LogInAsDemoAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Web Player" })).ToBeVisibleAsync();
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.OpenAsync("/player");
        // The player's script ran and its event stream connected.
        await Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        var coverWidth = await page.EvaluateAsync<int>("() => document.getElementById('cover').getBoundingClientRect().width");

        Assert.Equal("rgb(18, 18, 18)", background);
        Assert.Equal(300, coverWidth);
        lock (violations)
        {
            Assert.Empty(violations);
        }
    }

    [Fact]
    public async Task Another_site_cannot_show_the_pages_in_a_frame()
    {
        // The other site is another loopback port: a page on a public name may not frame loopback
        // addresses at all in Chromium, which would hide whether the server forbids framing.
        var port = FreeLoopbackPort();
        using var site = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        site.Start();
        var framed = new Dictionary<string, string>
        {
            ["login"] = "login",
            // A page without a form, hence without the anti-forgery token's own X-Frame-Options.
            ["error"] = "authorize?client_id=unknown-app&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F",
            // No page: a control showing that the browser does frame this server.
            ["health"] = "healthz",
        };
        var framing = ServeAsync(site, string.Concat(framed.Select(f =>
            $"<iframe name=\"{f.Key}\" src=\"{server.BaseAddress}{f.Value}\" onload=\"document.body.dataset.{f.Key} = 'loaded'\"></iframe>")));
        var page = await server.NewPageAsync();

        await page.GotoAsync($"http://127.0.0.1:{port}/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("body[data-login][data-error][data-health]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Task<string> TextAsync(string name) => page.Frames.Single(f => f.Name == name).Locator("body").InnerTextAsync();

        Assert.Contains("Healthy", await TextAsync("health"));
        Assert.DoesNotContain("Password", await TextAsync("login"));
        Assert.DoesNotContain("Something went wrong", await TextAsync("error"));
        site.Stop();
        await framing;
    }

    /// <summary>Answers one request with the HTML of the framing site.</summary>
    private static async Task ServeAsync(HttpListener site, string html)
    {
        try
        {
            var context = await site.GetContextAsync();
            var body = Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><body>{html}</body></html>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // Stopped before the browser asked.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
