using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal static class Lengths
{
    public const int SpotifyId = 22;
    public const int Name = 512;
    public const int Text = 4000;
}

internal sealed class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> builder)
    {
        builder.HasImages();
        builder.Property(a => a.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
    }
}

internal sealed class AlbumConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> builder)
    {
        builder.HasImages();
        builder.Property(a => a.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
        builder.Property(a => a.AlbumType).HasMaxLength(16);
        builder.Property(a => a.ReleaseDate).HasMaxLength(10);
        builder.Property(a => a.ReleaseDatePrecision).HasMaxLength(8);
        builder.Property(a => a.Label).HasMaxLength(Lengths.Name);
        builder.Property(a => a.Upc).HasMaxLength(14);
        builder.Property(a => a.Ean).HasMaxLength(14);
        builder.HasMany(a => a.Artists).WithOne().HasForeignKey(x => x.AlbumId);
        builder.HasMany(a => a.Tracks).WithOne().HasForeignKey(t => t.AlbumId);
        builder.HasIndex(a => a.Upc);
        builder.HasIndex(a => a.ReleaseDate);
    }
}

internal sealed class AlbumArtistConfiguration : IEntityTypeConfiguration<AlbumArtist>
{
    public void Configure(EntityTypeBuilder<AlbumArtist> builder)
    {
        builder.HasKey(x => new { x.AlbumId, x.ArtistId });
        builder.HasOne<Artist>().WithMany().HasForeignKey(x => x.ArtistId);
        builder.HasIndex(x => x.ArtistId);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.Property(t => t.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(t => t.Name).HasMaxLength(Lengths.Name);
        builder.Property(t => t.Isrc).HasMaxLength(12);
        builder.HasIndex(t => t.Isrc);
        builder.HasIndex(t => t.AlbumId);
        builder.HasMany(t => t.Artists).WithOne().HasForeignKey(x => x.TrackId);
        builder.ComplexProperty(t => t.Features);
    }
}

internal sealed class TrackArtistConfiguration : IEntityTypeConfiguration<TrackArtist>
{
    public void Configure(EntityTypeBuilder<TrackArtist> builder)
    {
        builder.HasKey(x => new { x.TrackId, x.ArtistId });
        builder.HasOne<Artist>().WithMany().HasForeignKey(x => x.ArtistId);
        builder.HasIndex(x => x.ArtistId);
    }
}

internal sealed class ShowConfiguration : IEntityTypeConfiguration<Show>
{
    public void Configure(EntityTypeBuilder<Show> builder)
    {
        builder.HasImages();
        builder.Property(s => s.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(s => s.Name).HasMaxLength(Lengths.Name);
        builder.HasMany(s => s.Episodes).WithOne().HasForeignKey(e => e.ShowId);
    }
}

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.HasImages();
        builder.Property(e => e.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.HasIndex(e => new { e.ShowId, e.Number });
    }
}

internal sealed class AudiobookConfiguration : IEntityTypeConfiguration<Audiobook>
{
    public void Configure(EntityTypeBuilder<Audiobook> builder)
    {
        builder.HasImages();
        builder.Property(a => a.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
        builder.HasMany(a => a.Chapters).WithOne().HasForeignKey(c => c.AudiobookId);
    }
}

internal sealed class ChapterConfiguration : IEntityTypeConfiguration<Chapter>
{
    public void Configure(EntityTypeBuilder<Chapter> builder)
    {
        builder.HasImages();
        builder.Property(c => c.Id).HasMaxLength(Lengths.SpotifyId);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.HasIndex(c => new { c.AudiobookId, c.ChapterNumber });
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.HasMany(c => c.LocalizedNames).WithOne().HasForeignKey(n => n.CategoryId);
        builder.HasMany(c => c.Playlists).WithOne().HasForeignKey(p => p.CategoryId);
    }
}

internal sealed class CategoryNameConfiguration : IEntityTypeConfiguration<CategoryName>
{
    public void Configure(EntityTypeBuilder<CategoryName> builder)
    {
        builder.HasKey(n => new { n.CategoryId, n.Locale });
        builder.Property(n => n.Locale).HasMaxLength(16);
    }
}

internal sealed class CategoryPlaylistConfiguration : IEntityTypeConfiguration<CategoryPlaylist>
{
    public void Configure(EntityTypeBuilder<CategoryPlaylist> builder)
    {
        builder.HasKey(p => new { p.CategoryId, p.PlaylistId });
        builder.HasOne<Playlist>().WithMany().HasForeignKey(p => p.PlaylistId);
    }
}
