using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class AttendanceCodeConfiguration : IEntityTypeConfiguration<AttendanceCode>
{
    public void Configure(EntityTypeBuilder<AttendanceCode> b)
    {
        b.HasKey(x => new { x.InstitutionId, x.Code });
        b.Property(x => x.Code).HasMaxLength(4);
        b.Property(x => x.Description).HasMaxLength(200);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

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

internal sealed class AttendanceWeekConfiguration : IEntityTypeConfiguration<AttendanceWeek>
{
    public void Configure(EntityTypeBuilder<AttendanceWeek> b)
    {
        b.HasKey(x => new { x.StudentId, x.WeekStart });
        b.Ignore(x => x.Attended);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}

internal sealed class GradeScaleConfiguration : IEntityTypeConfiguration<GradeScale>
{
    public void Configure(EntityTypeBuilder<GradeScale> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasMany(x => x.Grades).WithOne().HasForeignKey(x => x.GradeScaleId);
    }
}

internal sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.HasIndex(x => new { x.GradeScaleId, x.Code }).IsUnique();
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Qualification).HasMaxLength(100);
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne(x => x.GradeScale).WithMany().HasForeignKey(x => x.GradeScaleId);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.Property(x => x.TargetGrade).HasMaxLength(16);
        b.Property(x => x.AspirationalGrade).HasMaxLength(16);
        b.HasIndex(x => new { x.StudentId, x.CourseId }).IsUnique();
        b.HasIndex(x => x.TeacherStaffId);
        b.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.TeacherStaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DataPointConfiguration : IEntityTypeConfiguration<DataPoint>
{
    public void Configure(EntityTypeBuilder<DataPoint> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.InstitutionId, x.Name }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

internal sealed class AssessmentGradeConfiguration : IEntityTypeConfiguration<AssessmentGrade>
{
    public void Configure(EntityTypeBuilder<AssessmentGrade> b)
    {
        b.Property(x => x.Grade).HasMaxLength(16);
        b.Property(x => x.Comment).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.EnrolmentId, x.DataPointId }).IsUnique();
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId);
        b.HasOne<DataPoint>().WithMany().HasForeignKey(x => x.DataPointId);
        b.ToTable(t => t.HasTrigger(HistoryTriggers.AssessmentGradeTrigger));
    }
}

internal sealed class AssessmentGradeChangeConfiguration : IEntityTypeConfiguration<AssessmentGradeChange>
{
    public void Configure(EntityTypeBuilder<AssessmentGradeChange> b)
    {
        b.Property(x => x.PreviousGrade).HasMaxLength(16);
        b.Property(x => x.NewGrade).HasMaxLength(16);
        b.Property(x => x.PreviousRecordedBy).HasMaxLength(200);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.HasIndex(x => x.AssessmentGradeId);
    }
}

internal sealed class BehaviourEventConfiguration : IEntityTypeConfiguration<BehaviourEvent>
{
    public void Configure(EntityTypeBuilder<BehaviourEvent> b)
    {
        b.Property(x => x.ExternalKey).HasMaxLength(64);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.ExternalKey }).IsUnique();
        b.HasIndex(x => new { x.StudentId, x.Date });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

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

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.HasIndex(x => new { x.InstitutionId, x.At });
        b.HasIndex(x => x.StudentId);
    }
}

internal sealed class DataPointCourseConfiguration : IEntityTypeConfiguration<DataPointCourse>
{
    public void Configure(EntityTypeBuilder<DataPointCourse> b)
    {
        b.HasKey(x => new { x.DataPointId, x.CourseId });
        b.HasOne<DataPoint>().WithMany(x => x.Courses).HasForeignKey(x => x.DataPointId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId);
    }
}

internal sealed class TargetChangeConfiguration : IEntityTypeConfiguration<TargetChange>
{
    public void Configure(EntityTypeBuilder<TargetChange> b)
    {
        b.Property(x => x.Previous).HasMaxLength(16);
        b.Property(x => x.New).HasMaxLength(16);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => x.EnrolmentId);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId);
    }
}

internal sealed class TargetBandConfiguration : IEntityTypeConfiguration<TargetBand>
{
    public void Configure(EntityTypeBuilder<TargetBand> b)
    {
        b.Property(x => x.Scale).HasMaxLength(32);
        b.Property(x => x.Grade).HasMaxLength(16);
        b.Property(x => x.From).HasPrecision(5, 2);
        b.Property(x => x.To).HasPrecision(5, 2);
        b.HasIndex(x => new { x.InstitutionId, x.Scale, x.From }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

internal sealed class StudentSummaryConfiguration : IEntityTypeConfiguration<StudentSummary>
{
    public void Configure(EntityTypeBuilder<StudentSummary> b)
    {
        b.HasKey(x => x.StudentId);
        b.Property(x => x.AttendanceTrend).HasPrecision(6, 1);
        b.Property(x => x.WorstSubject).HasMaxLength(200);
        b.Property(x => x.DroppedSubject).HasMaxLength(200);
        b.Property(x => x.RiskReasons).HasMaxLength(2000);
        b.HasIndex(x => new { x.InstitutionId, x.RiskScore });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}

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

internal sealed class InterventionCaseConfiguration : IEntityTypeConfiguration<InterventionCase>
{
    public void Configure(EntityTypeBuilder<InterventionCase> b)
    {
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.Status });
        b.HasIndex(x => new { x.OwnerStaffId, x.Status, x.NextReview });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OwnerStaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.CaseId);
    }
}

internal sealed class CaseActionConfiguration : IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<CaseAction> b)
    {
        b.Property(x => x.What).HasMaxLength(1000);
        b.Property(x => x.Who).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CaseId, x.Done, x.Due });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.CaseId, x.At });
        b.HasOne<InterventionCase>().WithMany().HasForeignKey(x => x.CaseId);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.What).HasMaxLength(4000);
        b.Property(x => x.ToRole).HasMaxLength(32);
        b.Property(x => x.ActionTaken).HasMaxLength(4000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ToStaffId, x.Status });
        b.HasIndex(x => new { x.InstitutionId, x.ToRole, x.Status });
        b.HasIndex(x => new { x.StudentId, x.RaisedAt });
        b.HasIndex(x => new { x.RaisedByStaffId, x.RaisedAt });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RaisedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OneToOneMeetingConfiguration : IEntityTypeConfiguration<OneToOneMeeting>
{
    public void Configure(EntityTypeBuilder<OneToOneMeeting> b)
    {
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.Property(x => x.StudentView).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.HeldOn });
        b.HasIndex(x => new { x.StaffId, x.HeldOn });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.ReviewNote).HasMaxLength(1000);
        b.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.Status });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<OneToOneMeeting>().WithMany().HasForeignKey(x => x.SetInMeetingId);
    }
}

internal sealed class BankTargetConfiguration : IEntityTypeConfiguration<BankTarget>
{
    public void Configure(EntityTypeBuilder<BankTarget> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Area).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Area });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}

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

internal sealed class ParentContactConfiguration : IEntityTypeConfiguration<ParentContact>
{
    public void Configure(EntityTypeBuilder<ParentContact> b)
    {
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.With).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Outcome).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.DeletedBy).HasMaxLength(200);
        b.Property(x => x.DeletedReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.On });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BehaviourIncidentConfiguration : IEntityTypeConfiguration<BehaviourIncident>
{
    public void Configure(EntityTypeBuilder<BehaviourIncident> b)
    {
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.On });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
        b.HasMany(x => x.Students).WithOne().HasForeignKey(x => x.IncidentId);
    }
}

internal sealed class IncidentStudentConfiguration : IEntityTypeConfiguration<IncidentStudent>
{
    public void Configure(EntityTypeBuilder<IncidentStudent> b)
    {
        // One role per student per incident: the key itself makes "victim and perpetrator" impossible to store.
        b.HasKey(x => new { x.IncidentId, x.StudentId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.StudentId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.ToTable(t => t.HasCheckConstraint("ck_incident_students_points", "points <= 0 AND (role = 'Perpetrator' OR points = 0)"));
    }
}

internal sealed class BehaviourReviewConfiguration : IEntityTypeConfiguration<BehaviourReview>
{
    public void Configure(EntityTypeBuilder<BehaviourReview> b)
    {
        b.HasKey(x => x.BehaviourEventId);
        b.Property(x => x.BehaviourEventId).ValueGeneratedNever();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne<BehaviourEvent>().WithMany().HasForeignKey(x => x.BehaviourEventId);
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.StudentId, x.On });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
    }
}

internal sealed class OnReportConfiguration : IEntityTypeConfiguration<OnReport>
{
    public void Configure(EntityTypeBuilder<OnReport> b)
    {
        b.Property(x => x.Targets).HasMaxLength(2000);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.StudentId, x.From });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId);
        b.HasMany(x => x.Days).WithOne().HasForeignKey(x => x.OnReportId);
    }
}

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> b)
    {
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.OnReportId, x.Date }).IsUnique();
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.Property(x => x.Key).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Body).HasMaxLength(Features.Casework.Letters.BodyLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.Key }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId);
    }
}
