using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The dashboard's sandbox page over HTTP: its forms, posted with the page's anti-forgery token.</summary>
internal static class SandboxPageSteps
{
    public const string Path = "/dashboard/sandbox";

    /// <summary>Opens <paramref name="page"/> and posts its form <paramref name="handler"/> with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this AccountsBrowser browser, string handler, (string Name, string Value)[] fields, string page = Path, string? origin = null)
    {
        var html = await browser.Client.GetStringAsync(page);
        // The given fields first, as a browser sends a ticked check box before its hidden "false".
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Concat(AccountsBrowser.Fields(html).DistinctBy(f => f.Key));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}") { Content = new FormUrlEncodedContent(form) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await browser.Client.SendAsync(request);
    }

    /// <summary>The server clock's offset in seconds, as <c>GET /sandbox/clock</c> reads it.</summary>
    public static async Task<double> ClockOffsetAsync(JukeboxTestServer server, string? adminKey = null)
    {
        using var client = server.CreateClient();
        if (adminKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Jukebox-Admin-Key", adminKey);
        }
        using var response = await client.GetAsync("/sandbox/clock");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var clock = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return clock.RootElement.GetProperty("offset_seconds").GetDouble();
    }

    public static async Task<AccountsBrowser> LoggedInAsync(JukeboxTestServer server)
    {
        var browser = new AccountsBrowser(server);
        await browser.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        return browser;
    }
}
