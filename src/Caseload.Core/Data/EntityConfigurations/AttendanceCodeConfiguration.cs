using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AttendanceCodeConfiguration : IEntityTypeConfiguration<AttendanceCode>
{
    public void Configure(EntityTypeBuilder<AttendanceCode> b)
    {
        b.HasKey(x => new { x.InstitutionId, x.Code });
        b.Property(x => x.Code).HasMaxLength(4);
        b.Property(x => x.Description).HasMaxLength(200);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
