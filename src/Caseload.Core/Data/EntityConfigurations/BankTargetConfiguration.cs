using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class BankTargetConfiguration : IEntityTypeConfiguration<BankTarget>
{
    public void Configure(EntityTypeBuilder<BankTarget> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Area).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Area });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
