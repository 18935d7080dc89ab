using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class TargetChangeConfiguration : IEntityTypeConfiguration<TargetChange>
{
    public void Configure(EntityTypeBuilder<TargetChange> b)
    {
        b.Property(x => x.Previous).HasMaxLength(16);
        b.Property(x => x.New).HasMaxLength(16);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => x.EnrolmentId);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId);
    }
}
