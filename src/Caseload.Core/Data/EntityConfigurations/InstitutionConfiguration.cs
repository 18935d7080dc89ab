using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
        // Existing rows get the default policy when the column is added.
        b.Property(x => x.TwoFactorRoles).HasMaxLength(400).HasDefaultValue(Institution.DefaultTwoFactorRoles);
        b.Property(x => x.AttendanceGoodFrom).HasPrecision(5, 2).HasDefaultValue(95m);
        b.Property(x => x.AttendanceWatchFrom).HasPrecision(5, 2).HasDefaultValue(90m);
        b.Property(x => x.RiskWeights).HasMaxLength(RiskWeightSet.WeightsLength);
        b.Property(x => x.Letterhead).HasMaxLength(Institution.LetterheadLength);
    }
}
