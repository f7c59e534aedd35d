using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class PlaylistConfiguration : IEntityTypeConfiguration<Playlist>
{
    public void Configure(EntityTypeBuilder<Playlist> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.Description).HasMaxLength(Lengths.Text);
        builder.Property(p => p.SnapshotId).HasMaxLength(64);
        builder.Property(p => p.CoverAlbumIds).HasMaxLength(4 * (Lengths.SpotifyId + 1));
        builder.Property(p => p.CustomImageKey).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlaylistId);
        builder.HasIndex(p => p.OwnerId);
        builder.HasIndex(p => p.FeaturedPosition);
    }
}

internal sealed class PlaylistItemConfiguration : IEntityTypeConfiguration<PlaylistItem>
{
    public void Configure(EntityTypeBuilder<PlaylistItem> builder)
    {
        builder.HasIndex(i => new { i.PlaylistId, i.Position });
        builder.Property(i => i.LocalUri).HasMaxLength(Lengths.Text);
        builder.HasOne<Track>().WithMany().HasForeignKey(i => i.TrackId);
        builder.HasOne<Episode>().WithMany().HasForeignKey(i => i.EpisodeId);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.AddedById);
    }
}

internal sealed class PlaylistFollowConfiguration : IEntityTypeConfiguration<PlaylistFollow>
{
    public void Configure(EntityTypeBuilder<PlaylistFollow> builder)
    {
        builder.HasIndex(f => new { f.UserId, f.PlaylistId }).IsUnique();
        builder.HasIndex(f => f.PlaylistId);
        builder.HasOne<Playlist>().WithMany().HasForeignKey(f => f.PlaylistId);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId);
    }
}

internal sealed class PlaylistChangeConfiguration : IEntityTypeConfiguration<PlaylistChange>
{
    public void Configure(EntityTypeBuilder<PlaylistChange> builder)
    {
        builder.HasKey(c => new { c.PlaylistId, c.Version });
        builder.HasOne<Playlist>().WithMany().HasForeignKey(c => c.PlaylistId);
    }
}

internal sealed class PlaylistImageConfiguration : IEntityTypeConfiguration<PlaylistImage>
{
    public void Configure(EntityTypeBuilder<PlaylistImage> builder)
    {
        builder.HasKey(i => i.Key);
        builder.Property(i => i.Key).HasMaxLength(Lengths.SpotifyId);
        builder.HasIndex(i => i.PlaylistId);
        builder.HasOne<Playlist>().WithMany().HasForeignKey(i => i.PlaylistId);
    }
}
