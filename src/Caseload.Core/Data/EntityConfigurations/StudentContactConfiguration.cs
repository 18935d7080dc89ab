using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class StudentContactConfiguration : IEntityTypeConfiguration<StudentContact>
{
    public void Configure(EntityTypeBuilder<StudentContact> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Relationship).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.PreferredMethod).HasMaxLength(16);
        b.Property(x => x.UpdatedBy).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
