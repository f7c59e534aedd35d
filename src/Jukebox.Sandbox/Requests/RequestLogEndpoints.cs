using System.Globalization;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.Requests;

/// <summary>GET /sandbox/requests: the Web API and token requests this node served, newest first.</summary>
public static class RequestLogEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void MapRequestLog(this RouteGroupBuilder sandbox) => sandbox.MapGet("/requests", List)
        .WithSummary("The requests this node served, newest first");

    private static Ok<RequestLogList> List(string? client_id, string? status, string? since, string? limit, RequestLog log)
    {
        if (status is not null && !IsStatus(status))
        {
            throw SpotifyException.BadRequest("status must be a status code such as 429, or a class such as 4xx");
        }
        DateTimeOffset? from = null;
        if (since is not null)
        {
            from = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw SpotifyException.BadRequest("since must be an ISO 8601 time such as 2026-11-02T12:00:00Z");
        }
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            throw SpotifyException.BadRequest($"limit must be 1-{MaxLimit}");
        }
        return TypedResults.Ok(new RequestLogList(log.Query(string.IsNullOrEmpty(client_id) ? null : client_id, status?.ToLowerInvariant(), from, count)));
    }

    private static bool IsStatus(string status) =>
        status.Length == 3 && status[0] is >= '1' and <= '5'
        && ((char.IsAsciiDigit(status[1]) && char.IsAsciiDigit(status[2])) || status[1..].Equals("xx", StringComparison.OrdinalIgnoreCase));
}
