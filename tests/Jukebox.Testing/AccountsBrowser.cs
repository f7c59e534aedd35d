using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Jukebox.Testing;

/// <summary>
/// Walks the accounts pages the way a browser does (cookies, redirects, form fields and the
/// anti-forgery token), without rendering them: for OAuth flow tests that are not about the pages
/// themselves (those run in Chromium).
/// </summary>
public sealed partial class AccountsBrowser : IDisposable
{
    private readonly HttpClient _client;

    public AccountsBrowser(JukeboxTestServer server)
        : this(server.BaseAddress)
    {
    }

    /// <summary>A browser for any running Jukebox, e.g. one node of several.</summary>
    public AccountsBrowser(Uri baseAddress)
        : this(baseAddress, from: null)
    {
    }

    /// <summary>
    /// A browser on another machine, as far as the server can tell: it connects from
    /// <paramref name="from"/>, a loopback address other than 127.0.0.1 (Linux answers all of 127.0.0.0/8).
    /// </summary>
    public AccountsBrowser(JukeboxTestServer server, IPAddress from)
        : this(server.BaseAddress, from)
    {
    }

    private AccountsBrowser(Uri baseAddress, IPAddress? from)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        _client = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public HttpClient Client => _client;

    /// <summary>The last page the browser showed (when a step did not end in a redirect to the app).</summary>
    public HttpResponseMessage? LastPage { get; private set; }
    public string LastHtml { get; private set; } = "";

    public async Task LogInAsync(string login, string password)
    {
        if (!await TryLogInAsync(login, password))
        {
            throw new InvalidOperationException($"Logging in as {login} failed: {LastHtml}");
        }
    }

    /// <summary>Submits the login form; false when the server shows the form again (see <see cref="LastHtml"/>).</summary>
    public async Task<bool> TryLogInAsync(string login, string password)
    {
        var page = await _client.GetStringAsync("/login");
        using var response = await PostFormAsync("/login", Fields(page).Append(new("Login", login)).Append(new("Password", password)));
        LastHtml = await response.Content.ReadAsStringAsync();
        LastStatus = response.StatusCode;
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>The status of the last login attempt.</summary>
    public HttpStatusCode LastStatus { get; private set; }

    /// <summary>Posts the login form <paramref name="times"/> times at once (one form, one anti-forgery token) and returns the answers.</summary>
    public async Task<(HttpStatusCode Status, string Html)[]> LogInAtOnceAsync(string login, string password, int times)
    {
        var fields = Fields(await _client.GetStringAsync("/login")).Append(new("Login", login)).Append(new("Password", password)).ToList();
        return await Task.WhenAll(Enumerable.Range(0, times).Select(async _ =>
        {
            using var response = await PostFormAsync("/login", fields);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
    }

    /// <summary>
    /// Opens /authorize with <paramref name="query"/>, logs in when asked, answers the consent page with
    /// <paramref name="decision"/> (Agree or Cancel) when shown, and returns where the browser is sent
    /// back to the app, or null when it stays on a page (see <see cref="LastPage"/>).
    /// </summary>
    public async Task<Uri?> AuthorizeAsync(string query, (string Login, string Password)? credentials = null, string decision = "agree")
    {
        var next = "/authorize?" + query;
        for (var step = 0; step < 6; step++)
        {
            var response = await _client.GetAsync(next);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var location = response.Headers.Location!;
                var absolute = location.IsAbsoluteUri ? location : new Uri(_client.BaseAddress!, location);
                if (absolute.AbsolutePath == "/login" && absolute.Authority == _client.BaseAddress!.Authority)
                {
                    var (login, password) = credentials ?? throw new InvalidOperationException("The server asked to log in.");
                    await LogInAsync(login, password);
                    next = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(absolute.Query)["ReturnUrl"]!);
                    continue;
                }
                return absolute;
            }
            LastPage = response;
            LastHtml = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !LastHtml.Contains("name=\"decision\"", StringComparison.Ordinal))
            {
                return null;
            }
            using var answer = await PostFormAsync("/authorize", Fields(LastHtml).Append(new("decision", decision)));
            if (answer.StatusCode != HttpStatusCode.Redirect)
            {
                LastPage = answer;
                LastHtml = await answer.Content.ReadAsStringAsync();
                return null;
            }
            return answer.Headers.Location;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>The hidden inputs of the page's form, decoded.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Fields(string html) =>
        Input().Matches(html)
            .Select(m => Attributes(m.Value))
            .Where(a => a.GetValueOrDefault("type") == "hidden" && a.ContainsKey("name"))
            .Select(a => new KeyValuePair<string, string>(a["name"], a.GetValueOrDefault("value") ?? ""))
            .ToList();

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).ToDictionary(m => m.Groups["key"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("(?<key>[a-zA-Z_-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();

    public void Dispose() => _client.Dispose();
}
