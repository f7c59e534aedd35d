using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Player;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Episodes;

/// <summary>
/// The user's position in episodes (<c>resume_point</c>), shown only to a user token with
/// user-read-playback-position; episodes never played show the start. The episode playing now
/// shows where playback is at this moment.
/// </summary>
/// <remarks>
/// The player and the database are taken from the request's services only when the token may see
/// resume points, so the catalog reads of apps, the most common, set up neither.
/// </remarks>
public sealed class EpisodeResumePoints(IServiceProvider services)
{
    public async Task ApplyAsync(Caller caller, IEnumerable<SimplifiedEpisodeObject?> episodes, CancellationToken ct)
    {
        if (!ScopeTable.SeesResumePoints(caller))
        {
            return;
        }
        var list = episodes.OfType<SimplifiedEpisodeObject>().ToList();
        if (list.Count == 0)
        {
            return;
        }
        var loaded = await services.GetRequiredService<PlayerService>().SyncAsync(caller.UserId!, ct);
        var ids = list.Select(e => e.Id).Distinct().ToList();
        var db = services.GetRequiredService<JukeboxDbContext>();
        var points = await db.EpisodeResumePoints.AsNoTracking()
            .Where(r => r.UserId == caller.UserId && ids.Contains(r.EpisodeId))
            .ToDictionaryAsync(r => r.EpisodeId, ct);
        var playing = loaded.State.CurrentUri;
        foreach (var episode in list)
        {
            var point = points.GetValueOrDefault(episode.Id);
            var position = playing == episode.Uri ? loaded.State.ProgressAt(loaded.Now) : point?.ResumePositionMs ?? 0;
            episode.ResumePoint = new ResumePointObject(point?.FullyPlayed ?? false, (int)Math.Min(position, episode.DurationMs));
        }
    }
}
