using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class TargetBandConfiguration : IEntityTypeConfiguration<TargetBand>
{
    public void Configure(EntityTypeBuilder<TargetBand> b)
    {
        b.Property(x => x.Scale).HasMaxLength(32);
        b.Property(x => x.Grade).HasMaxLength(16);
        b.Property(x => x.From).HasPrecision(5, 2);
        b.Property(x => x.To).HasPrecision(5, 2);
        b.HasIndex(x => new { x.InstitutionId, x.Scale, x.From }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
