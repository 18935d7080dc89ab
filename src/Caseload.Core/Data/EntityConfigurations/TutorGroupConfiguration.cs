using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

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
