using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class ReferenceCycleConfiguration : IEntityTypeConfiguration<ReferenceCycle>
{
    public void Configure(EntityTypeBuilder<ReferenceCycle> b)
    {
        b.Property(x => x.Name).HasMaxLength(ReferenceCycle.NameLength);
        b.Property(x => x.CentreStatement).HasMaxLength(Application.ReferenceLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.Name }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(x => x.Route).HasConversion<string>().HasMaxLength(24);
        // A number, not a name: the statuses are in order and queries compare them ("not yet drafted").
        b.Property(x => x.Extenuating).HasMaxLength(Application.ReferenceLength);
        b.Property(x => x.Supportive).HasMaxLength(Application.ReferenceLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.CycleId }).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.Status });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<ReferenceCycle>().WithMany().HasForeignKey(x => x.CycleId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.CreatedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> b)
    {
        b.Property(x => x.Text).HasMaxLength(Contribution.TextLength);
        b.Property(x => x.PredictedGrade).HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ApplicationId, x.EnrolmentId }).IsUnique();
        b.HasIndex(x => new { x.TeacherStaffId, x.SubmittedAt });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.TeacherStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
