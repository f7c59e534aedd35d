using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

file static class UserIds
{
    /// <summary>As long as <see cref="User.Id"/> (UserConfiguration).</summary>
    public const int Length = 64;
}

internal sealed class SavedItemConfiguration : IEntityTypeConfiguration<SavedItem>
{
    public void Configure(EntityTypeBuilder<SavedItem> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(UserIds.Length);
        builder.Property(s => s.ItemType).HasMaxLength(16);
        builder.Property(s => s.ItemId).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // Saving is INSERT … ON CONFLICT on this key, so concurrent saves of one item keep one row.
        builder.HasIndex(s => new { s.UserId, s.ItemType, s.ItemId }).IsUnique();
        // A library page: one user's items of one kind, newest first.
        builder.HasIndex(s => new { s.UserId, s.ItemType, s.AddedAt, s.Id });
    }
}

internal sealed class ArtistFollowConfiguration : IEntityTypeConfiguration<ArtistFollow>
{
    public void Configure(EntityTypeBuilder<ArtistFollow> builder)
    {
        // The key also orders a user's followed artists by id, which is how /me/following pages them.
        builder.HasKey(f => new { f.UserId, f.ArtistId });
        builder.Property(f => f.UserId).HasMaxLength(UserIds.Length);
        builder.Property(f => f.ArtistId).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Artist>().WithMany().HasForeignKey(f => f.ArtistId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ArtistId);
    }
}

internal sealed class UserFollowConfiguration : IEntityTypeConfiguration<UserFollow>
{
    public void Configure(EntityTypeBuilder<UserFollow> builder)
    {
        builder.HasKey(f => new { f.FollowerId, f.FolloweeId });
        builder.Property(f => f.FollowerId).HasMaxLength(UserIds.Length);
        builder.Property(f => f.FolloweeId).HasMaxLength(UserIds.Length);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.FolloweeId);
    }
}
