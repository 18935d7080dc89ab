using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
        // Existing rows get the default policy when the column is added.
        b.Property(x => x.TwoFactorRoles).HasMaxLength(400).HasDefaultValue(Security.TwoFactorPolicy.Default);
        b.Property(x => x.AttendanceGoodFrom).HasPrecision(5, 2).HasDefaultValue(95m);
        b.Property(x => x.AttendanceWatchFrom).HasPrecision(5, 2).HasDefaultValue(90m);
        b.Property(x => x.RiskWeights).HasMaxLength(500);
    }
}

internal sealed class AcademicYearConfiguration : IEntityTypeConfiguration<AcademicYear>
{
    public void Configure(EntityTypeBuilder<AcademicYear> b)
    {
        b.Property(x => x.Name).HasMaxLength(32);
        b.HasIndex(x => new { x.InstitutionId, x.Name }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.AcademicYearId);
    }
}

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b) => b.Property(x => x.Name).HasMaxLength(64);
}

internal sealed class YearGroupConfiguration : IEntityTypeConfiguration<YearGroup>
{
    public void Configure(EntityTypeBuilder<YearGroup> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ProgressLeaderStaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HouseConfiguration : IEntityTypeConfiguration<House>
{
    public void Configure(EntityTypeBuilder<House> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.HeadStaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TutorGroupConfiguration : IEntityTypeConfiguration<TutorGroup>
{
    public void Configure(EntityTypeBuilder<TutorGroup> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne(x => x.YearGroup).WithMany().HasForeignKey(x => x.YearGroupId);
        b.HasOne(x => x.Tutor).WithMany().HasForeignKey(x => x.TutorStaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.TutorStaffId);
    }
}

internal sealed class TutorTeamMemberConfiguration : IEntityTypeConfiguration<TutorTeamMember>
{
    public void Configure(EntityTypeBuilder<TutorTeamMember> b)
    {
        b.HasKey(x => new { x.SeniorTutorStaffId, x.TutorStaffId });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.SeniorTutorStaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.TutorStaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TutorStaffId);
    }
}

internal sealed class CaseloadMemberConfiguration : IEntityTypeConfiguration<CaseloadMember>
{
    public void Configure(EntityTypeBuilder<CaseloadMember> b)
    {
        b.HasKey(x => new { x.StaffId, x.StudentId, x.From });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasIndex(x => x.StudentId);
    }
}

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.Upn).HasMaxLength(13);
        b.Property(x => x.Uln).HasMaxLength(10);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.PreferredName).HasMaxLength(100);
        b.Property(x => x.Gender).HasMaxLength(32);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.PriorAttainment).HasPrecision(5, 2);
        b.Ignore(x => x.DisplayName);
        b.HasIndex(x => new { x.InstitutionId, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.TutorGroupId);
        b.HasIndex(x => x.YearGroupId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne(x => x.YearGroup).WithMany().HasForeignKey(x => x.YearGroupId);
        b.HasOne(x => x.TutorGroup).WithMany().HasForeignKey(x => x.TutorGroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.House).WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.StudentId);
    }
}

internal sealed class StudentContactConfiguration : IEntityTypeConfiguration<StudentContact>
{
    public void Configure(EntityTypeBuilder<StudentContact> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Relationship).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Email).HasMaxLength(254);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Ignore(x => x.DisplayName);
        b.HasIndex(x => new { x.InstitutionId, x.ExternalId }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.StaffId);
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<StaffRole>
{
    public void Configure(EntityTypeBuilder<StaffRole> b)
    {
        b.HasKey(x => new { x.StaffId, x.Role });
        b.Property(x => x.Role).HasMaxLength(32);
    }
}
