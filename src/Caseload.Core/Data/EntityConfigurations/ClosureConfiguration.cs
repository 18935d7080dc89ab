using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> b)
    {
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasIndex(x => new { x.InstitutionId, x.StartDate });
    }
}
