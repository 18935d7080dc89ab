using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

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
