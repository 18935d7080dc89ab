using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class RiskWeightSetConfiguration : IEntityTypeConfiguration<RiskWeightSet>
{
    public void Configure(EntityTypeBuilder<RiskWeightSet> b)
    {
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Weights).HasMaxLength(RiskWeightSet.WeightsLength);
        b.Property(x => x.Summary).HasMaxLength(RiskWeightSet.SummaryLength);
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
