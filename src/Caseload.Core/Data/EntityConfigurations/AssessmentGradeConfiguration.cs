using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AssessmentGradeConfiguration : IEntityTypeConfiguration<AssessmentGrade>
{
    public void Configure(EntityTypeBuilder<AssessmentGrade> b)
    {
        b.Property(x => x.Grade).HasMaxLength(16);
        b.Property(x => x.Comment).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.EnrolmentId, x.DataPointId }).IsUnique();
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId);
        b.HasOne<DataPoint>().WithMany().HasForeignKey(x => x.DataPointId);
        b.ToTable(t => t.HasTrigger(HistoryTriggers.AssessmentGradeTrigger));
    }
}
