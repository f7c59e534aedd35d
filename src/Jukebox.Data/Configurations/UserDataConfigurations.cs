using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Id).HasMaxLength(64);
        builder.Property(u => u.DisplayName).HasMaxLength(Lengths.Name);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(256);
        builder.Property(u => u.Country).HasMaxLength(2);
        builder.Property(u => u.Product).HasMaxLength(16);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}

internal sealed class PlaylistConfiguration : IEntityTypeConfiguration<Playlist>
{
    public void Configure(EntityTypeBuilder<Playlist> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.Description).HasMaxLength(Lengths.Text);
        builder.Property(p => p.SnapshotId).HasMaxLength(64);
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
