using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.DataDrops;

/// <summary>
/// Data drops: an administrator opens a data point (name, date, the courses it asks grades for) and closes it when it is
/// done; each subject teacher enters a grade (with an optional effort score and comment) for every student they teach on
/// those courses, saved one student at a time; senior staff see which teachers have not finished. Grades entered here
/// and grades imported from CSV are the same rows (<see cref="AssessmentGrade"/>), with the same history of changes.
/// </summary>
public sealed class DataDrops(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>Effort / attitude to learning: 1 is the best.</summary>
    public static readonly IReadOnlyList<(int Value, string Name)> EffortScale = [(1, "Excellent"), (2, "Good"), (3, "Requires improvement"), (4, "Poor")];

    public const int CommentLength = Domain.Limits.DataDropComment;

    public sealed record PointLine(int Id, string Name, DateOnly Date, bool IsOpen, int Courses, int Expected, int Entered);

    public async Task<IReadOnlyList<PointLine>> ListAsync(int institutionId, CancellationToken ct = default)
    {
        var points = await db.DataPoints.AsNoTracking().Where(d => d.InstitutionId == institutionId)
            .OrderByDescending(d => d.Date).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.Date, d.IsOpen, Courses = d.Courses.Count }).ToListAsync(ct);
        var result = new List<PointLine>();
        foreach (var p in points)
        {
            var expected = Expected(institutionId, p.Id);
            var count = await expected.CountAsync(ct);
            var entered = await expected.CountAsync(e => db.AssessmentGrades.Any(g => g.EnrolmentId == e.Id && g.DataPointId == p.Id), ct);
            result.Add(new PointLine(p.Id, p.Name, p.Date, p.IsOpen, p.Courses, count, entered));
        }
        return result;
    }

    /// <summary>The enrolments a data point asks a grade for: on-roll students on its courses (every course when none are listed).</summary>
    private IQueryable<Enrolment> Expected(int institutionId, int dataPointId) =>
        db.Enrolments.Where(e => e.Student!.InstitutionId == institutionId && e.Student.OnRoll && e.Status == EnrolmentStatus.Active
            && (!db.DataPointCourses.Any(c => c.DataPointId == dataPointId) || db.DataPointCourses.Any(c => c.DataPointId == dataPointId && c.CourseId == e.CourseId)));

    /// <summary>Opens a data point. <paramref name="viewer"/> is null for the operator at the server's command line.</summary>
    public async Task<DataPoint> OpenAsync(Viewer? viewer, int institutionId, string name, DateOnly date, IReadOnlyCollection<string> courseCodes, CancellationToken ct = default)
    {
        viewer?.Demand(Operation.ManageDataDrops);
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ValidationException("the data point needs a name of 1–100 characters, such as 'Autumn 2'");
        }
        if (await db.DataPoints.AnyAsync(d => d.InstitutionId == institutionId && d.Name == name, ct))
        {
            throw new ValidationException($"there is already a data point called '{name}'; expected a new name");
        }
        var courses = await db.Courses.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, ct);
        var unknown = courseCodes.Where(c => !courses.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException($"no course has code {string.Join(", ", unknown.Select(u => $"'{u}'"))}; expected course codes from the enrolments import");
        }
        if (courseCodes.Count == 0)
        {
            throw new ValidationException("choose at least one course for the data point");
        }
        var point = new DataPoint { InstitutionId = institutionId, Name = name, Date = date };
        point.Courses.AddRange(courseCodes.Select(c => courses[c].Id).Distinct().Select(id => new DataPointCourse { CourseId = id }));
        db.DataPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return point;
    }

    public async Task SetOpenAsync(Viewer? viewer, int institutionId, int dataPointId, bool open, CancellationToken ct = default)
    {
        viewer?.Demand(Operation.ManageDataDrops);
        var point = await db.DataPoints.FirstOrDefaultAsync(d => d.Id == dataPointId && d.InstitutionId == institutionId, ct)
            ?? throw new ValidationException("there is no such data point");
        point.IsOpen = open;
        await db.SaveChangesAsync(ct);
    }

    /// <param name="Group">The teaching group (enrolments' <c>teaching_group</c>); null where the course is one class.</param>
    public sealed record ClassLine(int CourseId, string Code, string Name, string Teacher, int TeacherStaffId, int Students, int Entered, string? Group = null);

    /// <summary>
    /// Per class (a course and its teacher) in the data point: students and grades entered. The viewer's own classes,
    /// or, for <paramref name="everyone"/>, every teacher's (senior staff's completion view).
    /// </summary>
    public async Task<IReadOnlyList<ClassLine>> ClassesAsync(Viewer viewer, int dataPointId, bool everyone, CancellationToken ct = default)
    {
        viewer.Demand(everyone ? Operation.SeeDataDropCompletion : Operation.UseDataDrops);
        var me = viewer.StaffId;
        var rows = await Expected(viewer.InstitutionId, dataPointId)
            .Where(e => e.TeacherStaffId != null && (everyone || e.TeacherStaffId == me))
            .GroupBy(e => new { e.CourseId, e.Course!.Code, e.Course.Name, Teacher = e.TeacherStaffId!.Value, e.TeachingGroup })
            .Select(g => new
            {
                g.Key.TeachingGroup,
                g.Key.CourseId,
                g.Key.Code,
                g.Key.Name,
                g.Key.Teacher,
                Students = g.Count(),
                Entered = g.Count(e => db.AssessmentGrades.Any(a => a.EnrolmentId == e.Id && a.DataPointId == dataPointId)),
            })
            .ToListAsync(ct);
        var teacherIds = rows.Select(r => r.Teacher).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => teacherIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        return [.. rows.Select(r => new ClassLine(r.CourseId, r.Code, r.Name, names.GetValueOrDefault(r.Teacher, "?"), r.Teacher, r.Students, r.Entered, r.TeachingGroup))
            .OrderBy(r => r.Entered == r.Students).ThenBy(r => r.Teacher).ThenBy(r => r.Code).ThenBy(r => r.Group, StringComparer.Ordinal)];
    }

    public sealed record SheetRow(int EnrolmentId, int StudentId, string ExternalId, string Name, string? Target, string? Aspirational,
        string? Previous, string? Grade, int? Effort, string? Comment);

    public sealed record Sheet(DataPoint Point, Course Course, IReadOnlyList<string> Grades, string? PreviousPoint, IReadOnlyList<SheetRow> Rows)
    {
        /// <summary>The teaching group the sheet is for; null for the whole course.</summary>
        public string? Group { get; init; }
    }

    /// <summary>
    /// One class's sheet: the viewer's students on the course (all of them for an administrator), or of one teaching group
    /// of it; null when there are none.
    /// </summary>
    public async Task<Sheet?> SheetAsync(Viewer viewer, int dataPointId, int courseId, CancellationToken ct = default, string? group = null)
    {
        var point = await db.DataPoints.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dataPointId && d.InstitutionId == viewer.InstitutionId, ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.GradeScale).ThenInclude(s => s!.Grades)
            .FirstOrDefaultAsync(c => c.Id == courseId && c.InstitutionId == viewer.InstitutionId, ct);
        if (point is null || course is null)
        {
            return null;
        }
        var previous = await db.DataPoints.AsNoTracking()
            .Where(d => d.InstitutionId == viewer.InstitutionId && (d.Date < point.Date || (d.Date == point.Date && d.Id < point.Id)))
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        var previousId = previous?.Id ?? 0;
        var me = viewer.StaffId;
        var all = viewer.May(Operation.ManageDataDrops);
        var enrolments = Expected(viewer.InstitutionId, dataPointId).Where(e => e.CourseId == courseId && (all || e.TeacherStaffId == me));
        if (group is not null)
        {
            // No teaching group has control characters (PostgreSQL refuses a NUL outright) or is longer than the column.
            if (group.Length > Enrolment.TeachingGroupLength || group.Any(char.IsControl))
            {
                return null;
            }
            enrolments = enrolments.Where(e => e.TeachingGroup == group);
        }
        var rows = await enrolments
            .OrderBy(e => e.Student!.LastName).ThenBy(e => e.Student!.FirstName).ThenBy(e => e.StudentId)
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                e.Student!.ExternalId,
                Name = (e.Student.PreferredName ?? e.Student.FirstName) + " " + e.Student.LastName,
                e.TargetGrade,
                e.AspirationalGrade,
                Previous = db.AssessmentGrades.Where(g => g.EnrolmentId == e.Id && g.DataPointId == previousId).Select(g => g.Grade).FirstOrDefault(),
                Current = db.AssessmentGrades.Where(g => g.EnrolmentId == e.Id && g.DataPointId == dataPointId).Select(g => new { g.Grade, g.Effort, g.Comment }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }
        return new Sheet(point, course, [.. course.GradeScale!.Grades.OrderByDescending(g => g.Rank).Select(g => g.Code)], previous?.Name,
            [.. rows.Select(r => new SheetRow(r.Id, r.StudentId, r.ExternalId, r.Name, r.TargetGrade, r.AspirationalGrade, r.Previous,
                r.Current?.Grade, r.Current?.Effort, r.Current?.Comment))])
        { Group = group };
    }

    public sealed record Entry(int EnrolmentId, string? Grade, int? Effort, string? Comment);

    public enum Saved
    {
        NotFound,
        Saved,
        Cleared,
        Unchanged,
    }

    /// <summary>
    /// Saves one student's entry. Refused, with what is allowed, when the data point is closed, the grade is not on the
    /// course's scale, the effort is not 1–4 or the comment too long; nothing is saved then. An entry with no grade,
    /// effort or comment removes the student's grade at this data point (the previous value is kept in the history).
    /// </summary>
    public async Task<Saved> SaveAsync(Viewer viewer, int dataPointId, Entry entry, string actor, CancellationToken ct = default)
    {
        var point = await db.DataPoints.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dataPointId && d.InstitutionId == viewer.InstitutionId, ct);
        var me = viewer.StaffId;
        var all = viewer.May(Operation.ManageDataDrops);
        var enrolment = point is null ? null : await Expected(viewer.InstitutionId, dataPointId)
            .Where(e => e.Id == entry.EnrolmentId && (all || e.TeacherStaffId == me))
            .Select(e => new { e.Id, e.StudentId, Course = e.Course!.Name, Scale = e.Course.GradeScale!.Name, Grades = e.Course.GradeScale.Grades.OrderByDescending(g => g.Rank).Select(g => g.Code).ToList() })
            .FirstOrDefaultAsync(ct);
        if (point is null || enrolment is null)
        {
            return Saved.NotFound;
        }
        if (!point.IsOpen)
        {
            throw new ValidationException($"data point '{point.Name}' is closed, so its grades can no longer be changed; ask an administrator to reopen it");
        }
        var comment = string.IsNullOrWhiteSpace(entry.Comment) ? null : entry.Comment.Trim();
        if (comment is { Length: > CommentLength })
        {
            throw new ValidationException($"the comment is {comment.Length} characters; expected at most {CommentLength}");
        }
        if (entry.Effort is { } effort && effort is < 1 or > 4)
        {
            throw new ValidationException($"effort {effort.ToString(CultureInfo.InvariantCulture)} is not on the scale; expected 1 (excellent) to 4 (poor), or none");
        }
        string? grade = null;
        if (!string.IsNullOrWhiteSpace(entry.Grade))
        {
            grade = enrolment.Grades.FirstOrDefault(g => string.Equals(g, entry.Grade.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationException($"'{entry.Grade.Trim()}' is not a grade on the {enrolment.Scale} scale of {enrolment.Course}; expected one of {string.Join(", ", enrolment.Grades)}");
        }
        else if (entry.Effort is not null || comment is not null)
        {
            throw new ValidationException($"give a grade with the effort score or comment; expected one of {string.Join(", ", enrolment.Grades)}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.AssessmentGrades.FirstOrDefaultAsync(g => g.EnrolmentId == enrolment.Id && g.DataPointId == dataPointId, ct);
        Saved result;
        if (grade is null)
        {
            if (existing is null)
            {
                return Saved.Unchanged;
            }
            db.AssessmentGrades.Remove(existing);
            result = Saved.Cleared;
        }
        else if (existing is null)
        {
            db.AssessmentGrades.Add(new AssessmentGrade { EnrolmentId = enrolment.Id, DataPointId = dataPointId, Grade = grade, Effort = entry.Effort, Comment = comment, RecordedAt = now, RecordedBy = actor });
            result = Saved.Saved;
        }
        else if (existing.Grade == grade && existing.Effort == entry.Effort && existing.Comment == comment)
        {
            return Saved.Unchanged;
        }
        else
        {
            (existing.Grade, existing.Effort, existing.Comment, existing.RecordedAt, existing.RecordedBy) = (grade, entry.Effort, comment, now, actor);
            result = Saved.Saved;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await StudentSummaries.RecomputeAsync(db, viewer.InstitutionId, [enrolment.StudentId], clock.Today(), now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return result;
    }
}
