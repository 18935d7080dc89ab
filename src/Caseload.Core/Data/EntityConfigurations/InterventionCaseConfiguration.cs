using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class InterventionCaseConfiguration : IEntityTypeConfiguration<InterventionCase>
{
    public void Configure(EntityTypeBuilder<InterventionCase> b)
    {
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.Status });
        b.HasIndex(x => new { x.OwnerStaffId, x.Status, x.NextReview });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.CaseId);
    }
}
