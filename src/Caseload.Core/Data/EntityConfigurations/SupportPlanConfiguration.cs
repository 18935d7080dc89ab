using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.ToTable("support_plans");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.HoursPerWeek).HasPrecision(4, 1);
        // Every section of the kind at its longest, with the JSON around them.
        b.Property(x => x.Sections).HasMaxLength(12 * (Limits.PlanSection + 64));
        b.Property(x => x.StudentView).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.ParentView).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.Strategies).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.EndReason).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.EndedOn });
        b.HasIndex(x => new { x.InstitutionId, x.Kind });
        b.HasIndex(x => x.OwnerStaffId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.CreatedByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.UpdatedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportPlanVersionConfiguration : IEntityTypeConfiguration<SupportPlanVersion>
{
    public void Configure(EntityTypeBuilder<SupportPlanVersion> b)
    {
        b.ToTable("support_plan_versions");
        b.Property(x => x.Sections).HasMaxLength(12 * (Limits.PlanSection + 64));
        b.Property(x => x.StudentView).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.ParentView).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.Strategies).HasMaxLength(Limits.PlanSection);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(x => x.PlanId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.SavedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportPlanStepConfiguration : IEntityTypeConfiguration<SupportPlanStep>
{
    public void Configure(EntityTypeBuilder<SupportPlanStep> b)
    {
        b.ToTable("support_plan_steps");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(Limits.PlanStepTitle);
        b.Property(x => x.Outcome).HasMaxLength(Limits.PlanSection);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PlanId, x.DueOn });
        // Open steps by date for the inbox.
        b.HasIndex(x => new { x.InstitutionId, x.DoneAt, x.DueOn });
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(x => x.PlanId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.DoneByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportPlanContributorConfiguration : IEntityTypeConfiguration<SupportPlanContributor>
{
    public void Configure(EntityTypeBuilder<SupportPlanContributor> b)
    {
        b.ToTable("support_plan_contributors");
        b.HasKey(x => new { x.PlanId, x.StaffId });
        b.HasIndex(x => x.StaffId);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(x => x.PlanId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId);
    }
}
