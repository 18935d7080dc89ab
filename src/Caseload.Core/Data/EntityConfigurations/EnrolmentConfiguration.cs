using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.Property(x => x.TargetGrade).HasMaxLength(16);
        b.Property(x => x.AspirationalGrade).HasMaxLength(16);
        b.Property(x => x.TeachingGroup).HasMaxLength(Enrolment.TeachingGroupLength);
        b.Property(x => x.EndReason).HasMaxLength(ChangeReason.NameLength);
        b.HasIndex(x => new { x.StudentId, x.CourseId }).IsUnique();
        b.HasIndex(x => x.TeacherStaffId);
        b.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.TeacherStaffId).OnDelete(DeleteBehavior.SetNull);
    }
}
