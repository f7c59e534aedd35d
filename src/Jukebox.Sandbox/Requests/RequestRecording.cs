using System.Runtime.CompilerServices;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Sandbox.Faults;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Sandbox.Requests;

/// <summary>
/// Records every Web API and token endpoint request in the <see cref="RequestLog"/> (and prints it with
/// --log-requests) when its response starts. It goes first in the pipeline, outside the exception
/// handler, so it sees the status the client got; the route is read before the request runs, since the
/// exception handler clears it. The duration is the time to the response's start.
/// The error message is the one the response's error object was written with (<see cref="ErrorMessageFeature"/>),
/// or OpenIddict's error description at /api/token.
/// </summary>
public static class RequestRecording
{
    private const string OfflineAccess = "offline_access";

    /// <summary>
    /// Each caller's scopes as the log lists them, sorted once: a caller is made once per validated token
    /// (<see cref="ValidatedTokenCache"/>) and kept with it, and its entry here goes with it.
    /// </summary>
    private static readonly ConditionalWeakTable<Caller, string[]> LoggedScopes = new();

    public static IApplicationBuilder UseSandboxRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<RequestLog>();
        var console = app.ApplicationServices.GetRequiredService<IOptions<SandboxOptions>>().Value.LogRequests
            ? app.ApplicationServices.GetRequiredService<RequestLogConsole>()
            : null;
        if (!log.IsEnabled && console is null)
        {
            return app;
        }
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            if (RequestFacts.Of(context) is not { } request)
            {
                await next(context);
                return;
            }
            // Numbered as they start, so the log lists one client's requests in the order it sent them.
            var recording = new RecordNow(log, console, clock, context, request);
            // Recorded as the response starts, when its status and error are known: a client that has
            // its answer finds the request in the log. A fault that resets the connection records it first.
            context.Features.Set(recording);
            context.Response.OnStarting(static state =>
            {
                ((RecordNow)state).Invoke();
                return Task.CompletedTask;
            }, recording);
            try
            {
                await next(context);
            }
            finally
            {
                recording.Invoke();
            }
        });
    }

    /// <summary>
    /// One request's entry, recorded once: as its response starts, as the pipeline ends, or at once
    /// (before a fault drops its connection), whichever comes first. One object per request, kept in its
    /// features, holds everything the entry needs.
    /// </summary>
    public sealed class RecordNow
    {
        private readonly RequestLog _log;
        private readonly RequestLogConsole? _console;
        private readonly TimeProvider _clock;
        private readonly HttpContext _context;
        private readonly RequestFacts _request;
        private readonly long _sequence;
        private readonly DateTimeOffset _time;
        private readonly long _started;
        private int _recorded;

        internal RecordNow(RequestLog log, RequestLogConsole? console, TimeProvider clock, HttpContext context, RequestFacts request)
        {
            _log = log;
            _console = console;
            _clock = clock;
            _context = context;
            _request = request;
            _sequence = log.NextSequence();
            _time = clock.GetUtcNow();
            _started = clock.GetTimestamp();
        }

        /// <summary>Records the request as it is now, unless it was recorded before.</summary>
        public void Invoke()
        {
            if (Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                var entry = Entry(_context, _request, _sequence, _time, _clock.GetElapsedTime(_started));
                _log.Record(entry);
                _console?.Print(entry);
            }
        }
    }

    private static RequestLogEntry Entry(HttpContext context, RequestFacts request, long sequence, DateTimeOffset time, TimeSpan duration)
    {
        var caller = context.Features.Get<Caller>();
        var fault = context.Features.Get<AppliedFault>();
        var message = ErrorMessageFeature.Of(context);
        if (message is null && request.IsAccounts && context.GetOpenIddictServerResponse() is { Error.Length: > 0 } oauth)
        {
            message = oauth.ErrorDescription ?? oauth.Error;
        }
        var status = fault is { ResetConnection: true } ? 0 : context.Response.StatusCode;
        var path = request.Path + context.Request.QueryString.Value;
        return new RequestLogEntry(
            sequence,
            time,
            request.Method,
            path.Length > RequestLog.MaxPathLength ? path[..RequestLog.MaxPathLength] : path,
            request.Route,
            status,
            Math.Round(duration.TotalMilliseconds, 1),
            RequestFacts.ClientId(context),
            RequestFacts.UserId(context),
            // As the token response lists them: Spotify never shows offline_access.
            caller is null ? null : LoggedScopes.GetValue(caller, static caller => [.. caller.Scopes.Where(s => s != OfflineAccess).Order(StringComparer.Ordinal)]),
            fault?.Id,
            status >= 400 && message is not null ? (message.Length > RequestLog.MaxMessageLength ? message[..RequestLog.MaxMessageLength] : message) : null,
            context.Features.Get<RateLimitRemaining>()?.Remaining,
            context.Features.Get<ProfileRefusal>()?.Profile,
            context.Features.Get<MissingScope>()?.Scopes);
    }
}
