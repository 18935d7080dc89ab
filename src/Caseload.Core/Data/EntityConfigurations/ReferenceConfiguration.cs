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

internal sealed class ApplicationChoiceConfiguration : IEntityTypeConfiguration<ApplicationChoice>
{
    public void Configure(EntityTypeBuilder<ApplicationChoice> b)
    {
        b.Property(x => x.Provider).HasMaxLength(ApplicationChoice.ProviderLength);
        b.Property(x => x.Course).HasMaxLength(ApplicationChoice.CourseLength);
        b.Property(x => x.Code).HasMaxLength(ApplicationChoice.CodeLength);
        b.Property(x => x.OtherConditions).HasMaxLength(ApplicationChoice.OtherConditionsLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Conditions).WithOne().HasForeignKey(x => x.ChoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferConditionConfiguration : IEntityTypeConfiguration<OfferCondition>
{
    public void Configure(EntityTypeBuilder<OfferCondition> b)
    {
        b.Property(x => x.Grade).HasMaxLength(16);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResultsFollowUpConfiguration : IEntityTypeConfiguration<ResultsFollowUp>
{
    public void Configure(EntityTypeBuilder<ResultsFollowUp> b)
    {
        b.Property(x => x.Note).HasMaxLength(ResultsFollowUp.NoteLength);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DestinationActivityConfiguration : IEntityTypeConfiguration<DestinationActivity>
{
    public void Configure(EntityTypeBuilder<DestinationActivity> b)
    {
        b.Property(x => x.Provider).HasMaxLength(DestinationActivity.ProviderLength);
        b.Property(x => x.Detail).HasMaxLength(DestinationActivity.DetailLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.From });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
