using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AttendanceWeekConfiguration : IEntityTypeConfiguration<AttendanceWeek>
{
    public void Configure(EntityTypeBuilder<AttendanceWeek> b)
    {
        b.HasKey(x => new { x.StudentId, x.WeekStart });
        b.Ignore(x => x.Attended);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}
