using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

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
