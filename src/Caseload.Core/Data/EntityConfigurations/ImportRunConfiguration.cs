using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.FileName).HasMaxLength(400);
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
