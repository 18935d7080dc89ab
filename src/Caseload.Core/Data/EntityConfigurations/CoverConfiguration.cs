using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class CoverConfiguration : IEntityTypeConfiguration<Cover>
{
    public void Configure(EntityTypeBuilder<Cover> b)
    {
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.TutorStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.CoverStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.SetByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TutorGroup>().WithMany().HasForeignKey(x => x.TutorGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CoverStaffId, x.From });
        b.HasIndex(x => new { x.TutorStaffId, x.From });
    }
}
