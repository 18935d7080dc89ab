using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> b)
    {
        // The natural key is the primary key: one index to maintain on a table of millions of rows.
        b.HasKey(x => new { x.StudentId, x.Date, x.Session });
        b.Property(x => x.Session).HasMaxLength(16);
        b.Property(x => x.Code).HasMaxLength(4);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        // No foreign key to students on purpose: checking it per row was 45% of a million-mark import on
        // PostgreSQL. Imports validate every student id in the same transaction, students are never deleted, and
        // attendance_weeks (which every mark feeds, in the same transaction) does keep a foreign key, so a student
        // with marks still cannot be deleted. See docs/decisions/0003-attendance-storage.md.
        b.ToTable(t => t.HasTrigger(HistoryTriggers.AttendanceMarkTrigger));
        // Absences still waiting for a reason ("N"): few at any time, looked up for every student each day.
        b.HasIndex(x => new { x.StudentId, x.Date }).HasFilter("code = 'N'").HasDatabaseName("ix_attendance_marks_no_reason");
    }
}
