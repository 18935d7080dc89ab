using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class CourseChangeConfiguration : IEntityTypeConfiguration<CourseChange>
{
    public void Configure(EntityTypeBuilder<CourseChange> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Details).HasMaxLength(CourseChange.DetailsLength);
        b.Property(x => x.StudentView).HasMaxLength(CourseChange.ViewLength);
        b.Property(x => x.ParentView).HasMaxLength(CourseChange.ViewLength);
        b.Property(x => x.DecisionNote).HasMaxLength(CourseChange.NoteLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.RequestedAt });
        b.HasIndex(x => new { x.InstitutionId, x.Status });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.FromCourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.ToCourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChangeReason>().WithMany().HasForeignKey(x => x.ReasonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RequestedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChangeReasonConfiguration : IEntityTypeConfiguration<ChangeReason>
{
    public void Configure(EntityTypeBuilder<ChangeReason> b)
    {
        b.Property(x => x.Name).HasMaxLength(ChangeReason.NameLength);
        b.HasIndex(x => new { x.InstitutionId, x.Name }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
