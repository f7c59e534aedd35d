using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class DeveloperAppConfiguration : IEntityTypeConfiguration<DeveloperApp>
{
    public void Configure(EntityTypeBuilder<DeveloperApp> builder)
    {
        builder.HasKey(a => a.ClientId);
        builder.Property(a => a.ClientId).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
        builder.Property(a => a.Description).HasMaxLength(Lengths.Text);
        builder.Property(a => a.Website).HasMaxLength(Lengths.Name);
        builder.Property(a => a.QuotaMode).HasMaxLength(16);
        // Apps made before profiles existed were served the whole API.
        builder.Property(a => a.ApiProfile).HasMaxLength(32).HasDefaultValue(ApiProfiles.Full);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId);
        builder.HasMany(a => a.Users).WithOne().HasForeignKey(u => u.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.OwnerId);
    }
}

internal sealed class DeveloperAppUserConfiguration : IEntityTypeConfiguration<DeveloperAppUser>
{
    public void Configure(EntityTypeBuilder<DeveloperAppUser> builder)
    {
        builder.HasKey(u => new { u.ClientId, u.UserId });
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppRequestCountConfiguration : IEntityTypeConfiguration<AppRequestCount>
{
    public void Configure(EntityTypeBuilder<AppRequestCount> builder)
    {
        // No foreign key to the app: nodes add counts without checking that the app still exists;
        // deleting an app deletes its counts.
        builder.HasKey(c => new { c.ClientId, c.BucketStart });
        builder.Property(c => c.ClientId).HasMaxLength(100);
    }
}
