using Jukebox.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jukebox.Data;

public sealed class JukeboxDbContext(DbContextOptions<JukeboxDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<AlbumArtist> AlbumArtists => Set<AlbumArtist>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackArtist> TrackArtists => Set<TrackArtist>();
    public DbSet<TrackAudioFile> TrackAudioFiles => Set<TrackAudioFile>();
    public DbSet<AlbumCover> AlbumCovers => Set<AlbumCover>();
    public DbSet<Show> Shows => Set<Show>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<Audiobook> Audiobooks => Set<Audiobook>();
    public DbSet<Chapter> Chapters => Set<Chapter>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategoryName> CategoryNames => Set<CategoryName>();
    public DbSet<CategoryPlaylist> CategoryPlaylists => Set<CategoryPlaylist>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Playlist> Playlists => Set<Playlist>();
    public DbSet<PlaylistItem> PlaylistItems => Set<PlaylistItem>();
    public DbSet<PlaylistFollow> PlaylistFollows => Set<PlaylistFollow>();
    public DbSet<PlaylistChange> PlaylistChanges => Set<PlaylistChange>();
    public DbSet<PlaylistImage> PlaylistImages => Set<PlaylistImage>();
    public DbSet<DeveloperApp> DeveloperApps => Set<DeveloperApp>();
    public DbSet<DeveloperAppUser> DeveloperAppUsers => Set<DeveloperAppUser>();
    public DbSet<AppRequestCount> AppRequestCounts => Set<AppRequestCount>();
    public DbSet<PlayerDevice> PlayerDevices => Set<PlayerDevice>();
    public DbSet<PlayerSession> PlayerSessions => Set<PlayerSession>();
    public DbSet<PlayHistoryEntry> PlayHistory => Set<PlayHistoryEntry>();
    public DbSet<EpisodeResumePoint> EpisodeResumePoints => Set<EpisodeResumePoint>();
    public DbSet<SavedItem> SavedItems => Set<SavedItem>();
    public DbSet<ArtistFollow> ArtistFollows => Set<ArtistFollow>();
    public DbSet<UserFollow> UserFollows => Set<UserFollow>();
    public DbSet<UserImage> UserImages => Set<UserImage>();
    public DbSet<FaultRule> FaultRules => Set<FaultRule>();
    public DbSet<ServerClockOffset> ServerClockOffsets => Set<ServerClockOffset>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JukeboxDbContext).Assembly);
        modelBuilder.UseOpenIddict();
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Followed artists are paged in id order; compare the case-sensitive base62 ids byte by
            // byte ("C"), as SQLite does, rather than by the database's locale.
            modelBuilder.Entity<ArtistFollow>().Property(f => f.ArtistId).UseCollation("C");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type that sorts and compares; store instants as Unix milliseconds there.
        // PostgreSQL keeps its native timestamptz.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    /// <summary>Public because the SQLite compiled model (generated code in Jukebox.Data.Sqlite) names it.</summary>
    public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
