using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class RiskIndicatorConfiguration : IEntityTypeConfiguration<RiskIndicator>
{
    public void Configure(EntityTypeBuilder<RiskIndicator> b)
    {
        b.Property(x => x.Code).HasMaxLength(RiskIndicator.CodeLength);
        b.Property(x => x.Name).HasMaxLength(RiskIndicator.NameLength);
        b.Property(x => x.NoConcernAt).HasPrecision(12, 4);
        b.Property(x => x.FullConcernAt).HasPrecision(12, 4);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
