using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports enrolments by <c>student_id + course_code</c>, creating or updating the course from the same row.
/// The grade scale must be one of the institution's scales and the target grade a grade on it.
/// </summary>
public sealed class ImportEnrolments(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportEnrolments.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("enrolments",
        ["student_id", "course_code", "course_name", "qualification", "grade_scale"],
        ["target_grade", "teacher_staff_id", "start_date", "end_date", "teaching_group", "planned_hours", "condition_of_funding"]);

    private static readonly int StudentCol = Columns.IndexOf("student_id"), CourseCol = Columns.IndexOf("course_code"),
        NameCol = Columns.IndexOf("course_name"), QualCol = Columns.IndexOf("qualification"), ScaleCol = Columns.IndexOf("grade_scale"),
        TargetCol = Columns.IndexOf("target_grade"), TeacherCol = Columns.IndexOf("teacher_staff_id"),
        StartCol = Columns.IndexOf("start_date"), EndCol = Columns.IndexOf("end_date"), GroupCol = Columns.IndexOf("teaching_group"),
        HoursCol = Columns.IndexOf("planned_hours"), ConditionCol = Columns.IndexOf("condition_of_funding");

    private Dictionary<string, int> _students = [];
    private Dictionary<string, int> _staff = [];
    private Dictionary<string, ScaleInfo> _scales = [];
    /// <summary>Each scale under its code, its name and the names MIS exports use (<see cref="Institutions.DefaultGradeScales.Aliases"/>), as keys.</summary>
    private Dictionary<string, ScaleInfo> _scaleByName = [];
    private List<string> _names = [];
    private readonly Dictionary<string, (string Name, string Qualification, string Scale, int? Hours, string? Condition, int Line)> _courses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(int, string), int> _seen = [];

    private sealed record ScaleInfo(int Id, string Code, Dictionary<string, string> Grades);

    public sealed record Row(int StudentId, string CourseCode, string CourseName, string Qualification, int GradeScaleId,
        string? TargetGrade, int? TeacherStaffId, DateOnly? StartDate, DateOnly? EndDate, string? TeachingGroup = null, int? PlannedHours = null, string? Condition = null);

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _courses.Clear();
        _seen.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        _staff = await Lookups.StaffAsync(Db, institutionId, ct);
        var scales = await Db.GradeScales.AsNoTracking().Include(s => s.Grades).Where(s => s.InstitutionId == institutionId).ToListAsync(ct);
        _scales = scales.ToDictionary(
            s => s.Code,
            s => new ScaleInfo(s.Id, s.Code, s.Grades.OrderByDescending(g => g.Rank).ToDictionary(g => g.Code, g => g.Code, StringComparer.OrdinalIgnoreCase)),
            StringComparer.OrdinalIgnoreCase);
        _names = [.. scales.Select(s => $"{s.Code} ({s.Name})")];
        _scaleByName = [];
        foreach (var s in scales)
        {
            foreach (var name in new[] { s.Code, s.Name }.Concat(Institutions.DefaultGradeScales.Aliases.GetValueOrDefault(s.Code) ?? []).Concat(s.Aliases))
            {
                _scaleByName.TryAdd(Institutions.DefaultGradeScales.Key(name), _scales[s.Code]); // a code wins over another scale's alias
            }
        }
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        Fields.Required(r, CourseCol, p, out var course);
        Fields.MaxLength(r, CourseCol, p, course, 32);
        if (Fields.Required(r, NameCol, p, out var name))
        {
            Fields.MaxLength(r, NameCol, p, name, 200);
        }
        if (Fields.Required(r, QualCol, p, out var qualification))
        {
            Fields.MaxLength(r, QualCol, p, qualification, 100);
        }
        ScaleInfo? scale = null;
        if (Fields.Required(r, ScaleCol, p, out var scaleCode) && !_scales.TryGetValue(scaleCode, out scale)
            && !_scaleByName.TryGetValue(Institutions.DefaultGradeScales.Key(scaleCode), out scale))
        {
            p.Add(r.Line, r.ColumnNumber(ScaleCol), $"grade_scale '{Fields.Shorten(scaleCode)}' is not one of this institution's scales; expected a code or name: {string.Join(", ", _names.Order(StringComparer.Ordinal))}");
        }
        int? hours = null;
        var hoursValue = r[HoursCol];
        if (hoursValue.Length > 0)
        {
            if (int.TryParse(hoursValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) && h <= Course.MaxPlannedHours)
            {
                hours = h;
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(HoursCol), $"planned_hours '{Fields.Shorten(hoursValue)}' is not a whole number of hours from 0 to {Course.MaxPlannedHours}; expected the course's planned hours a year");
            }
        }
        string? condition = null;
        var conditionValue = r[ConditionCol].Trim().ToLowerInvariant();
        if (conditionValue.Length > 0)
        {
            if (conditionValue is "maths" or "english")
            {
                condition = conditionValue;
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(ConditionCol), $"condition_of_funding '{Fields.Shorten(r[ConditionCol])}' is not maths or english; expected maths, english or nothing");
            }
        }
        if (course.Length > 0 && scale is not null)
        {
            if (_courses.TryGetValue(course, out var seen))
            {
                if (seen.Name != name || seen.Qualification != qualification || !string.Equals(seen.Scale, scale.Code, StringComparison.Ordinal)
                    || seen.Hours != hours || seen.Condition != condition)
                {
                    p.Add(r.Line, r.ColumnNumber(NameCol), $"course '{course}' is described differently from line {seen.Line}; expected the same course_name, qualification, grade_scale, planned_hours and condition_of_funding on every row of a course");
                }
            }
            else
            {
                _courses[course] = (name, qualification, scale.Code, hours, condition, r.Line);
            }
        }
        string? target = null;
        var targetValue = r[TargetCol];
        if (targetValue.Length > 0 && scale is not null && !scale.Grades.TryGetValue(targetValue, out target))
        {
            p.Add(r.Line, r.ColumnNumber(TargetCol), $"target_grade '{Fields.Shorten(targetValue)}' is not on the {scale.Code} scale; expected one of {string.Join(", ", scale.Grades.Values)}");
        }
        int? teacher = null;
        var teacherValue = r[TeacherCol];
        if (teacherValue.Length > 0)
        {
            if (_staff.TryGetValue(teacherValue, out var t))
            {
                teacher = t;
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(TeacherCol), $"teacher_staff_id '{Fields.Shorten(teacherValue)}' is not a member of staff; expected a staff_id from the staff import");
            }
        }
        Fields.OptionalDate(r, StartCol, p, out var start);
        if (Fields.OptionalDate(r, EndCol, p, out var end) && start is not null && end is not null && end < start)
        {
            p.Add(r.Line, r.ColumnNumber(EndCol), $"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}; expected an end on or after the start");
        }
        var group = r[GroupCol];
        Fields.MaxLength(r, GroupCol, p, group, Enrolment.TeachingGroupLength);
        if (student is { } sid && course.Length > 0 && !_seen.TryAdd((sid, course.ToUpperInvariant()), r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(CourseCol), $"this student's enrolment on '{course}' appears again (first on line {_seen[(sid, course.ToUpperInvariant())]}); expected one row per student and course");
        }
        return p.Count > before ? null : new Row(student!.Value, course, name, qualification, scale!.Id, target, teacher, start, end, group.Length == 0 ? null : group, hours, condition);
    }

    /// <summary>Flags, prior attainment, courses and targets feed every student's summary: refresh them all.</summary>
    protected override Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>(null);

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var courses = await Db.Courses.Where(c => c.InstitutionId == institutionId).ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var row in rows.DistinctBy(x => x.CourseCode, StringComparer.OrdinalIgnoreCase))
        {
            if (!courses.TryGetValue(row.CourseCode, out var c))
            {
                c = courses[row.CourseCode] = Db.Courses.Add(new Course { InstitutionId = institutionId, Code = row.CourseCode, Name = row.CourseName, Qualification = row.Qualification }).Entity;
            }
            c.Name = row.CourseName;
            c.Qualification = row.Qualification;
            c.GradeScaleId = row.GradeScaleId;
            if (row.PlannedHours is not null || row.Condition is not null)
            {
                c.PlannedHours = row.PlannedHours; // a file without the columns leaves what an earlier one set
                c.ConditionSubject = row.Condition;
            }
        }
        await Db.SaveChangesAsync(ct);

        var studentIds = rows.Select(x => x.StudentId).Distinct().ToList();
        var existing = (await Db.Enrolments.Where(e => studentIds.Contains(e.StudentId)).ToListAsync(ct))
            .ToDictionary(e => (e.StudentId, e.CourseId));
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var courseId = courses[row.CourseCode].Id;
            if (!existing.TryGetValue((row.StudentId, courseId), out var e))
            {
                e = Db.Enrolments.Add(new Enrolment { StudentId = row.StudentId, CourseId = courseId }).Entity;
            }
            e.TargetGrade = row.TargetGrade;
            e.TeacherStaffId = row.TeacherStaffId;
            e.TeachingGroup = row.TeachingGroup;
            if (e.Status == EnrolmentStatus.Active || row.EndDate is not null)
            {
                // A course change actioned here keeps its end until the MIS records one of its own.
                e.StartDate = row.StartDate;
                e.EndDate = row.EndDate;
            }
            Structure.Tally(Db, e, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}
