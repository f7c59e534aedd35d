using System.Text.Json;
using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.Clock;

/// <summary>
/// The server's clock, for every node at once: read it, or move it ahead so that tokens expire, rate
/// limits roll and players progress without a test waiting. It never moves back.
/// </summary>
public static class ClockEndpoints
{
    public static void MapClock(this RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/clock", Read).WithSummary("Read the server's clock");
        sandbox.MapPost("/clock/advance", Advance).WithSummary("Move the server's clock ahead, for everything and on every node")
            .Accepts<ClockAdvance>("application/json");
    }

    /// <summary>The body of an advance (read by hand, see <see cref="ReadSecondsAsync"/>; described for the OpenAPI document).</summary>
    public sealed record ClockAdvance([property: JsonPropertyName("seconds")] double Seconds);

    public sealed record ClockReading(
        [property: JsonPropertyName("now")] DateTime Now,
        [property: JsonPropertyName("offset_seconds")] double OffsetSeconds);

    private static Ok<ClockReading> Read(ServerClock clock) => TypedResults.Ok(Reading(clock));

    private static async Task<Ok<ClockReading>> Advance(HttpContext context, ServerClock clock, ServerClockSync sync, JukeboxDbContext db)
    {
        var milliseconds = await ReadSecondsAsync(context);
        if (!await sync.AdvanceAsync(db, milliseconds, context.RequestAborted))
        {
            throw SpotifyException.BadRequest(ServerClockSync.TooFarMessage);
        }
        return TypedResults.Ok(Reading(clock));
    }

    private static ClockReading Reading(ServerClock clock) =>
        new(clock.GetUtcNow().UtcDateTime, clock.OffsetMilliseconds / 1000.0);

    /// <summary>The body's <c>seconds</c> (zero or more, fractions allowed) in whole milliseconds.</summary>
    private static async Task<long> ReadSecondsAsync(HttpContext context)
    {
        const string Expected = "seconds must be a number of seconds, zero or more";
        JsonElement seconds;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("seconds", out seconds))
            {
                throw SpotifyException.BadRequest(Expected);
            }
            seconds = seconds.Clone();
        }
        catch (JsonException)
        {
            throw SpotifyException.BadRequest(Expected);
        }
        if (seconds.ValueKind != JsonValueKind.Number || !seconds.TryGetDouble(out var value) || value < 0 || !double.IsFinite(value))
        {
            throw SpotifyException.BadRequest(Expected);
        }
        return value * 1000 >= ServerClockSync.MaxOffsetMilliseconds
            ? throw SpotifyException.BadRequest(ServerClockSync.TooFarMessage)
            : (long)Math.Round(value * 1000);
    }
}
