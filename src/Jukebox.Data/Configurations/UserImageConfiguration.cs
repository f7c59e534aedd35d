using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class UserImageConfiguration : IEntityTypeConfiguration<UserImage>
{
    public void Configure(EntityTypeBuilder<UserImage> builder)
    {
        builder.HasKey(i => i.UserId);
        builder.Property(i => i.UserId).HasMaxLength(64);
        builder.Property(i => i.ImageId).HasMaxLength(Lengths.SpotifyId);
        builder.HasOne<User>().WithOne().HasForeignKey<UserImage>(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ImageId).IsUnique();
    }
}
