using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class OneToOneMeetingConfiguration : IEntityTypeConfiguration<OneToOneMeeting>
{
    public void Configure(EntityTypeBuilder<OneToOneMeeting> b)
    {
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.Property(x => x.StudentView).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.HeldOn });
        b.HasIndex(x => new { x.StaffId, x.HeldOn });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
