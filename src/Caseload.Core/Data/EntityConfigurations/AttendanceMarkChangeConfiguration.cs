using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AttendanceMarkChangeConfiguration : IEntityTypeConfiguration<AttendanceMarkChange>
{
    public void Configure(EntityTypeBuilder<AttendanceMarkChange> b)
    {
        b.Property(x => x.Session).HasMaxLength(16);
        b.Property(x => x.PreviousCode).HasMaxLength(4);
        b.Property(x => x.NewCode).HasMaxLength(4);
        b.Property(x => x.PreviousRecordedBy).HasMaxLength(200);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.Date, x.Session });
    }
}
