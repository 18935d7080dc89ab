using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AssessmentGradeChangeConfiguration : IEntityTypeConfiguration<AssessmentGradeChange>
{
    public void Configure(EntityTypeBuilder<AssessmentGradeChange> b)
    {
        b.Property(x => x.PreviousGrade).HasMaxLength(16);
        b.Property(x => x.NewGrade).HasMaxLength(16);
        b.Property(x => x.PreviousRecordedBy).HasMaxLength(200);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.HasIndex(x => x.AssessmentGradeId);
    }
}
