using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class PlayerDeviceConfiguration : IEntityTypeConfiguration<PlayerDevice>
{
    public void Configure(EntityTypeBuilder<PlayerDevice> builder)
    {
        builder.Property(d => d.Id).HasMaxLength(40);
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name);
        builder.Property(d => d.Type).HasMaxLength(32);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.UserId);
    }
}

internal sealed class PlayerSessionConfiguration : IEntityTypeConfiguration<PlayerSession>
{
    public void Configure(EntityTypeBuilder<PlayerSession> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<PlayerSession>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.DeviceId).HasMaxLength(40);
        builder.Property(s => s.ContextUri).HasMaxLength(128);
        builder.Property(s => s.CurrentUri).HasMaxLength(128);
        builder.Property(s => s.RepeatState).HasMaxLength(8);
        builder.Property(s => s.Revision).IsConcurrencyToken();
    }
}

internal sealed class PlayHistoryEntryConfiguration : IEntityTypeConfiguration<PlayHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PlayHistoryEntry> builder)
    {
        builder.Property(h => h.TrackId).HasMaxLength(Lengths.SpotifyId);
        builder.Property(h => h.ContextUri).HasMaxLength(128);
        builder.HasOne<User>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.UserId, h.PlayedAt });
    }
}

internal sealed class EpisodeResumePointConfiguration : IEntityTypeConfiguration<EpisodeResumePoint>
{
    public void Configure(EntityTypeBuilder<EpisodeResumePoint> builder)
    {
        builder.HasKey(r => new { r.UserId, r.EpisodeId });
        builder.Property(r => r.EpisodeId).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
