using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> b)
    {
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.OnReportId, x.Date }).IsUnique();
    }
}
