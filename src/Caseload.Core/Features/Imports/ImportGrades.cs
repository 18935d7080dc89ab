using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports assessment grades by <c>student_id + course_code + data_point</c>. The student must be enrolled on the
/// course, the grade must be on the course's scale, and the data point must be open (it is created, dated by the
/// <c>date</c> column or today, when the file names a new one). Changed grades keep their previous value.
/// </summary>
public sealed class ImportGrades(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportGrades.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("grades", ["student_id", "course_code", "data_point", "grade"], ["date"]);

    private static readonly int StudentCol = Columns.IndexOf("student_id"), CourseCol = Columns.IndexOf("course_code"),
        PointCol = Columns.IndexOf("data_point"), GradeCol = Columns.IndexOf("grade"), DateCol = Columns.IndexOf("date");

    private Dictionary<string, int> _students = [];
    private Dictionary<(int StudentId, string Course), (int EnrolmentId, string Scale)> _enrolments = [];
    private Dictionary<string, Dictionary<string, string>> _scales = [];
    private Dictionary<string, DataPoint> _points = [];
    private readonly Dictionary<(int, string, string), int> _seen = [];

    public sealed record Row(int EnrolmentId, string DataPoint, DateOnly? Date, string Grade);

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        var enrolments = await Db.Enrolments.AsNoTracking()
            .Where(e => e.Course!.InstitutionId == institutionId)
            .Select(e => new { e.Id, e.StudentId, e.Course!.Code, Scale = e.Course.GradeScale!.Code })
            .ToListAsync(ct);
        _enrolments = enrolments.ToDictionary(e => (e.StudentId, e.Code.ToUpperInvariant()), e => (e.Id, e.Scale));
        var scales = await Db.GradeScales.AsNoTracking().Include(s => s.Grades).Where(s => s.InstitutionId == institutionId).ToListAsync(ct);
        _scales = scales.ToDictionary(s => s.Code, s => s.Grades.OrderByDescending(g => g.Rank).ToDictionary(g => g.Code, g => g.Code, StringComparer.OrdinalIgnoreCase));
        _points = await Db.DataPoints.AsNoTracking().Where(d => d.InstitutionId == institutionId)
            .ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        Fields.Required(r, CourseCol, p, out var course);
        (int EnrolmentId, string Scale) enrolment = default;
        if (student is { } sid && course.Length > 0 && !_enrolments.TryGetValue((sid, course.ToUpperInvariant()), out enrolment))
        {
            p.Add(r.Line, r.ColumnNumber(CourseCol), $"the student is not enrolled on course '{Fields.Shorten(course)}'; expected a course from the enrolments import");
        }
        if (Fields.Required(r, PointCol, p, out var point) && Fields.MaxLength(r, PointCol, p, point, 100)
            && _points.TryGetValue(point, out var existing) && !existing.IsOpen)
        {
            p.Add(r.Line, r.ColumnNumber(PointCol), $"data point '{existing.Name}' is closed; expected an open data point (ask an administrator to reopen it)");
        }
        Fields.OptionalDate(r, DateCol, p, out var date);
        string? grade = null;
        if (Fields.Required(r, GradeCol, p, out var gradeValue) && enrolment.Scale is not null)
        {
            var scale = _scales[enrolment.Scale];
            if (!scale.TryGetValue(gradeValue, out grade))
            {
                p.Add(r.Line, r.ColumnNumber(GradeCol), $"grade '{Fields.Shorten(gradeValue)}' is not on the {enrolment.Scale} scale of course '{course}'; expected one of {string.Join(", ", scale.Values)}");
            }
        }
        if (student is not null && course.Length > 0 && point.Length > 0 && !_seen.TryAdd((student.Value, course.ToUpperInvariant(), point.ToUpperInvariant()), r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(PointCol), $"this student's '{course}' grade at '{point}' appears again (first on line {_seen[(student.Value, course.ToUpperInvariant(), point.ToUpperInvariant())]}); expected one grade per student, course and data point");
        }
        return p.Count > before ? null : new Row(enrolment.EnrolmentId, point, date, grade!);
    }

    protected override async Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct)
    {
        var enrolments = rows.Select(r => r.EnrolmentId).ToHashSet();
        var students = new HashSet<int>();
        foreach (var chunk in enrolments.Chunk(5_000))
        {
            students.UnionWith(await Db.Enrolments.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => e.StudentId).ToListAsync(ct));
        }
        return students;
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var points = await Db.DataPoints.Where(d => d.InstitutionId == institutionId).ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var row in rows.Where(x => !points.ContainsKey(x.DataPoint)))
        {
            points[row.DataPoint] = Db.DataPoints.Add(new DataPoint { InstitutionId = institutionId, Name = row.DataPoint, Date = row.Date ?? today }).Entity;
        }
        await Db.SaveChangesAsync(ct);

        var enrolmentIds = rows.Select(x => x.EnrolmentId).Distinct().ToList();
        var existing = new Dictionary<(int, int), AssessmentGrade>();
        foreach (var chunk in enrolmentIds.Chunk(5_000))
        {
            foreach (var g in await Db.AssessmentGrades.Where(g => chunk.Contains(g.EnrolmentId)).ToListAsync(ct))
            {
                existing[(g.EnrolmentId, g.DataPointId)] = g;
            }
        }
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var pointId = points[row.DataPoint].Id;
            if (!existing.TryGetValue((row.EnrolmentId, pointId), out var g))
            {
                Db.AssessmentGrades.Add(new AssessmentGrade { EnrolmentId = row.EnrolmentId, DataPointId = pointId, Grade = row.Grade, RecordedAt = now, RecordedBy = actor });
                inserted++;
            }
            else if (g.Grade != row.Grade)
            {
                // The trigger keeps the previous grade with who replaced it and when.
                g.Grade = row.Grade;
                g.RecordedAt = now;
                g.RecordedBy = actor;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}
