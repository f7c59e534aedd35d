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
