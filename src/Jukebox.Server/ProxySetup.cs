using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jukebox.Server;

/// <summary>
/// ForwardedHeaders:KnownProxies and :KnownNetworks: the proxies (addresses, and networks in CIDR
/// notation, separated by commas or spaces) whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public string KnownProxies { get; set; } = "";

    public string KnownNetworks { get; set; } = "";
}

/// <summary>
/// Behind a proxy that terminates TLS, the forwarded scheme makes requests https again (Secure
/// cookies, HSTS, https redirects) and the forwarded address names the client, through ASP.NET
/// Core's forwarded headers middleware. Only the configured proxies are believed: unlike the
/// middleware's default, not even loopback unless listed, since any local program (or a browser page
/// through the API's open CORS) could otherwise claim a scheme.
/// </summary>
public static class ProxySetup
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\n'];

    public static IServiceCollection AddJukeboxProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var proxies = Split(settings.KnownProxies).Select(ParseAddress).ToList();
        var networks = Split(settings.KnownNetworks).Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    private static IEnumerable<string> Split(string list) => list.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static IPAddress ParseAddress(string address) =>
        IPAddress.TryParse(address, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{address}' is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string network) =>
        System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
}
