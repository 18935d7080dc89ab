using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class OnReportConfiguration : IEntityTypeConfiguration<OnReport>
{
    public void Configure(EntityTypeBuilder<OnReport> b)
    {
        b.Property(x => x.Targets).HasMaxLength(2000);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.StudentId, x.From });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasMany(x => x.Days).WithOne().HasForeignKey(x => x.OnReportId);
    }
}
