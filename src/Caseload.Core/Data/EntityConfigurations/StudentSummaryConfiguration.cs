using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class StudentSummaryConfiguration : IEntityTypeConfiguration<StudentSummary>
{
    public void Configure(EntityTypeBuilder<StudentSummary> b)
    {
        b.HasKey(x => x.StudentId);
        b.Property(x => x.AttendanceTrend).HasPrecision(6, 1);
        b.Property(x => x.WorstSubject).HasMaxLength(200);
        b.Property(x => x.DroppedSubject).HasMaxLength(200);
        b.Property(x => x.RiskReasons).HasMaxLength(2000);
        b.Property(x => x.RiskPoints).HasPrecision(5, 1);
        b.HasIndex(x => new { x.InstitutionId, x.RiskScore });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}
