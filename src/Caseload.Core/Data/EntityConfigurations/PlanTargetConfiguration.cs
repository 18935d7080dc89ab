using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.ReviewNote).HasMaxLength(1000);
        b.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.Status });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<OneToOneMeeting>().WithMany().HasForeignKey(x => x.SetInMeetingId);
    }
}
