using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>Who may make a change: the owner alone, or also a collaborator (items of a collaborative playlist).</summary>
public enum Editors
{
    Owner,
    OwnerAndCollaborators,
}

/// <summary>What a change asks of the caller: who may make it, the 403's text for others, and the playlist's publicness after it (details).</summary>
public sealed record AccessRule(Editors Editors, string Refusal, bool? BecomesPublic = null);

/// <summary>What decides who may change a playlist.</summary>
public readonly record struct Ownership(string PlaylistId, string OwnerId, bool Public, bool Collaborative);

/// <summary>
/// The one check every change to a playlist passes: the caller is its owner or, where the rule lets
/// them, a collaborator; and holds the scope to modify it as it is, and as it becomes when the change
/// makes it public or private (the Scopes concept page).
/// </summary>
public sealed class PlaylistAccess(JukeboxDbContext db)
{
    public async Task RequireAsync(Ownership playlist, Caller caller, AccessRule rule, CancellationToken ct)
    {
        if (playlist.OwnerId != caller.UserId && !(rule.Editors == Editors.OwnerAndCollaborators && await IsCollaboratorAsync(playlist, caller, ct)))
        {
            throw SpotifyException.Forbidden(rule.Refusal);
        }
        RequireModifyScope(caller, playlist.Public);
        if (rule.BecomesPublic is bool wanted)
        {
            RequireModifyScope(caller, wanted);
        }
    }

    /// <summary>playlist-modify-public for a public playlist, playlist-modify-private otherwise.</summary>
    public static void RequireModifyScope(Caller caller, bool isPublic)
    {
        if (!ScopeTable.MayChangePlaylist(caller, isPublic))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
    }

    /// <summary>Whether the caller's user owns the playlist or collaborates on it.</summary>
    public async Task<bool> IsMemberAsync(Ownership playlist, Caller caller, CancellationToken ct) =>
        caller.UserId is not null && (playlist.OwnerId == caller.UserId || await IsCollaboratorAsync(playlist, caller, ct));

    /// <summary>A collaborator is a user who follows a collaborative playlist (joined it through its link).</summary>
    private async Task<bool> IsCollaboratorAsync(Ownership playlist, Caller caller, CancellationToken ct) =>
        playlist.Collaborative && await db.PlaylistFollows.AnyAsync(f => f.PlaylistId == playlist.PlaylistId && f.UserId == caller.UserId, ct);
}
