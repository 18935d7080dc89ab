using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.HasIndex(x => new { x.GradeScaleId, x.Code }).IsUnique();
    }
}
