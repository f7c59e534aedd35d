using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jukebox.Data.Configurations;

internal sealed class ServerClockOffsetConfiguration : IEntityTypeConfiguration<ServerClockOffset>
{
    public void Configure(EntityTypeBuilder<ServerClockOffset> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // The row exists from the migration on, so moving the clock is one UPDATE that adds to it.
        builder.HasData(new ServerClockOffset { Id = ServerClockOffset.SingleId, OffsetMilliseconds = 0 });
    }
}
