using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Qualification).HasMaxLength(100);
        b.Property(x => x.ConditionSubject).HasMaxLength(16);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne(x => x.GradeScale).WithMany().HasForeignKey(x => x.GradeScaleId);
    }
}
