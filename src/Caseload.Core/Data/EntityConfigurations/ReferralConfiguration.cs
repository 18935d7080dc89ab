using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.What).HasMaxLength(4000);
        b.Property(x => x.ToRole).HasMaxLength(32);
        b.Property(x => x.ActionTaken).HasMaxLength(4000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ToStaffId, x.Status });
        b.HasIndex(x => new { x.InstitutionId, x.ToRole, x.Status });
        b.HasIndex(x => new { x.StudentId, x.RaisedAt });
        b.HasIndex(x => new { x.RaisedByStaffId, x.RaisedAt });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RaisedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
