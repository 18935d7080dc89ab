using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class InterventionStageConfiguration : IEntityTypeConfiguration<InterventionStage>
{
    public void Configure(EntityTypeBuilder<InterventionStage> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.OwnerRole).HasMaxLength(32);
        b.Property(x => x.With).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Number }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
