using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class TrackAudioFileConfiguration : IEntityTypeConfiguration<TrackAudioFile>
{
    public void Configure(EntityTypeBuilder<TrackAudioFile> builder)
    {
        builder.HasKey(f => f.TrackId);
        builder.Property(f => f.TrackId).HasMaxLength(Lengths.SpotifyId);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasOne<Track>().WithOne().HasForeignKey<TrackAudioFile>(f => f.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlbumCoverConfiguration : IEntityTypeConfiguration<AlbumCover>
{
    public void Configure(EntityTypeBuilder<AlbumCover> builder)
    {
        builder.HasKey(c => new { c.AlbumId, c.Size });
        builder.Property(c => c.AlbumId).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne<Album>().WithMany().HasForeignKey(c => c.AlbumId).OnDelete(DeleteBehavior.Cascade);
    }
}
