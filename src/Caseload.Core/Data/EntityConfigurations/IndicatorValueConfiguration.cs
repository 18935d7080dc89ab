using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(x => x.Value).HasPrecision(12, 4);
        b.HasIndex(x => new { x.StudentId, x.RiskIndicatorId, x.Date }).IsUnique();
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<RiskIndicator>().WithMany().HasForeignKey(x => x.RiskIndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
