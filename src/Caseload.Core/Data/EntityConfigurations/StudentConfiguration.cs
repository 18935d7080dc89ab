using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

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
        b.Property(x => x.LeavingReason).HasMaxLength(200);
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
