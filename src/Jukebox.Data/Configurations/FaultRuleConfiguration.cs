using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class FaultRuleConfiguration : IEntityTypeConfiguration<FaultRule>
{
    public void Configure(EntityTypeBuilder<FaultRule> builder)
    {
        // No foreign keys: the sandbox checks the app and user when a rule is added, and a rule whose
        // app or user is deleted later simply matches nothing.
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.ClientId).HasMaxLength(100);
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.Method).HasMaxLength(16);
        builder.Property(r => r.Path).HasMaxLength(Lengths.Name);
    }
}
