using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// OpenIddict's per-request application cache, except that on the token endpoint an app is looked up
/// by client id in the node's <see cref="KnownClients"/>: every handler of a token request only reads
/// the app (is it there, its secret's hash, its permissions), so a shared, detached copy serves it.
/// Elsewhere (the app pages, the sandbox, the authorize endpoint) apps are read and updated through
/// OpenIddict's own cache, as tracked entities of the request's database context.
/// </summary>
public sealed class TokenEndpointApplications(
    OpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> inner, KnownClients known, JukeboxDbContext db)
    : IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>
{
    /// <summary>Set for a token request, before any handler looks up its app.</summary>
    public bool OnTokenEndpoint { get; set; }

    public ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (!OnTokenEndpoint)
        {
            return inner.FindByClientIdAsync(identifier, cancellationToken);
        }
        return known.Find(identifier) is { } application ? ValueTask.FromResult<OpenIddictEntityFrameworkCoreApplication?>(application) : ReadAsync();

        async ValueTask<OpenIddictEntityFrameworkCoreApplication?> ReadAsync()
        {
            var generation = known.Generation(identifier);
            var read = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
                .FirstOrDefaultAsync(a => a.ClientId == identifier, cancellationToken);
            if (read is not null)
            {
                known.Remember(identifier, read, generation);
            }
            return read;
        }
    }

    public ValueTask AddAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken) =>
        inner.AddAsync(application, cancellationToken);

    public ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        inner.FindByIdAsync(identifier, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        inner.FindByPostLogoutRedirectUriAsync(uri, cancellationToken);

    public IAsyncEnumerable<OpenIddictEntityFrameworkCoreApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        inner.FindByRedirectUriAsync(uri, cancellationToken);

    public ValueTask RemoveAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken) =>
        inner.RemoveAsync(application, cancellationToken);

    /// <summary>Marks the request's cache once OpenIddict knows the request is a token request.</summary>
    public sealed class Mark(TokenEndpointApplications applications) : IOpenIddictServerHandler<ProcessRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
                .UseScopedHandler<Mark>()
                .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessRequestContext context)
        {
            applications.OnTokenEndpoint = context.EndpointType == OpenIddictServerEndpointType.Token;
            return ValueTask.CompletedTask;
        }
    }
}
