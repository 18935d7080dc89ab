using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class OneToOnePriorityConfiguration : IEntityTypeConfiguration<OneToOnePriority>
{
    public void Configure(EntityTypeBuilder<OneToOnePriority> b)
    {
        b.HasKey(x => x.StudentId);
        b.Property(x => x.StudentId).ValueGeneratedNever();
        b.Property(x => x.SetBy).HasMaxLength(200);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}
