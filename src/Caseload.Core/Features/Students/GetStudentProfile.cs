using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Students;

/// <summary>
/// One student's profile, as much as the viewer may see: null when they may not see the student at all (pages
/// answer 404, so existence does not leak); academic data only for a subject teacher. Every read is audited.
/// </summary>
public sealed class GetStudentProfile(CaseloadDbContext db, TimeProvider clock, Caching.ReferenceData reference)
{
    public sealed record Header(int Id, string ExternalId, string Name, string? Upn, DateOnly DateOfBirth, string Year, string? TutorGroup, string? Tutor, IReadOnlyList<string> Flags);
    public sealed record Contact(string Name, string Relationship, string? Phone, string? Email, bool ParentalResponsibility);
    /// <summary>A week's figures (from its stored summary), by the rules of <see cref="AttendanceFigures"/>.</summary>
    public sealed record Week(DateOnly Start, AttendanceFigures Figures)
    {
        public int Possible => Figures.Possible;
        public int Attended => Figures.Attended;
        public int Authorised => Figures.AuthorisedAbsence;
        public int Unauthorised => Figures.UnauthorisedAbsence;
        public int Lates => Figures.Lates;
        public decimal? Percent => Figures.AttendancePercent;
    }
    public sealed record Mark(DateOnly Date, string Session, string Code, int? MinutesLate);
    public sealed record CodeMeaning(string Code, string Description, AttendanceMeaning Meaning);
    public sealed record GradeAt(string DataPoint, DateOnly Date, string Grade, DateTime RecordedAt);
    public sealed record Subject(string Course, string Qualification, string? Teacher, string? Target, IReadOnlyList<GradeAt> Grades, string? Latest, int? Gap)
    {
        /// <summary>Above, on or below target, by how many grades of the course's scale.</summary>
        public string Status => Gap switch
        {
            null => "No grade yet",
            0 => "On target",
            > 0 => $"Above target by {Gap}",
            _ => $"Below target by {-Gap}",
        };
    }
    public sealed record Event(DateOnly Date, BehaviourType Type, string Category, int Points, string? Description, string? Staff, DateTime RecordedAt);

    /// <summary>What a timeline entry is about; later issues add casework kinds.</summary>
    public enum TimelineKind { Behaviour, DataDrop, AttendanceAlert }

    /// <summary>One entry of the student's timeline: when it happened, when it was recorded (they can differ), and what.</summary>
    public sealed record TimelineEntry(DateOnly Happened, DateTime? Recorded, TimelineKind Kind, string Text, string Anchor);

    /// <summary>A week under this attendance is an alert on the timeline (the red band's upper edge).</summary>
    public const decimal AlertBelowPercent = 90m;

    public sealed record Profile(StudentView View, Header Header, IReadOnlyList<Contact> Contacts, AttendanceFigures? Year, AttendanceFigures? Term, string TermName,
        IReadOnlyList<Week> Weeks, IReadOnlyList<Mark> Marks, IReadOnlyList<CodeMeaning> Codes, IReadOnlyList<Subject> Subjects, IReadOnlyList<Event> Behaviour,
        IReadOnlyList<TimelineEntry> Timeline, AttendanceBands Bands);

    public async Task<Profile?> HandleAsync(StudentScope scope, int studentId, DateOnly today, CancellationToken ct = default)
    {
        var view = await scope.ViewOfAsync(db, studentId, ct);
        if (view == StudentView.None)
        {
            return null;
        }
        var s = await db.Students.AsNoTracking()
            .Where(x => x.Id == studentId)
            .Select(x => new
            {
                x.Id,
                x.ExternalId,
                x.FirstName,
                x.PreferredName,
                x.LastName,
                x.Upn,
                x.DateOfBirth,
                Year = x.YearGroup!.Name,
                Group = x.TutorGroup == null ? null : x.TutorGroup.Code,
                Tutor = x.TutorGroup == null || x.TutorGroup.Tutor == null ? null : x.TutorGroup.Tutor.FirstName + " " + x.TutorGroup.Tutor.LastName,
                x.Disadvantaged,
                x.Send,
                x.Ehcp,
                x.LookedAfter,
                x.YoungCarer,
                x.Eal,
                x.MostAble,
                x.InstitutionId,
            })
            .SingleAsync(ct);
        var pastoral = view == StudentView.Pastoral;
        // Flags are pastoral information: a subject teacher's academic view does not show them.
        var flags = pastoral ? StudentFlags.Describe(s.Disadvantaged, s.Send, s.Ehcp, s.LookedAfter, s.YoungCarer, s.Eal, s.MostAble) : [];
        var header = new Header(s.Id, s.ExternalId, $"{s.PreferredName ?? s.FirstName} {s.LastName}", pastoral ? s.Upn : null,
            s.DateOfBirth, s.Year, s.Group, s.Tutor, flags);

        var institution = await reference.ForAsync(s.InstitutionId, ct);
        var subjects = await SubjectsAsync(studentId, institution.Ranks, ct);
        await AuditReadAsync(scope.Viewer, s.InstitutionId, studentId, view, ct);
        if (!pastoral)
        {
            return new Profile(view, header, [], null, null, "", [], [], [], subjects, [], [], AttendanceBands.Default);
        }

        var (year, term) = institution.At(today);
        var yearStart = year?.Start ?? DateOnly.MinValue;
        var termStart = term?.Start ?? yearStart;

        var weeks = await db.AttendanceWeeks.AsNoTracking()
            .Where(w => w.StudentId == studentId && w.WeekStart >= yearStart)
            .OrderBy(w => w.WeekStart)
            .ToListAsync(ct);

        // One student's marks for the term: a few hundred rows at most, for the calendar.
        var marks = await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.StudentId == studentId && m.Date >= termStart && m.Date <= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Session)
            .Select(m => new Mark(m.Date, m.Session, m.Code, m.MinutesLate))
            .ToListAsync(ct);
        var codes = marks.Select(m => m.Code).Distinct()
            .Select(code => institution.Codes.GetValueOrDefault(code)).OfType<AttendanceCode>()
            .OrderBy(c => c.Meaning).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CodeMeaning(c.Code, c.Description, c.Meaning))
            .ToList();
        var contacts = await db.StudentContacts.AsNoTracking()
            .Where(c => c.StudentId == studentId).OrderBy(c => c.Priority)
            .Select(c => new Contact(c.Name, c.Relationship, c.Phone, c.Email, c.ParentalResponsibility))
            .ToListAsync(ct);
        var behaviour = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.StudentId == studentId && e.Date >= yearStart)
            .OrderByDescending(e => e.Date)
            .Select(e => new Event(e.Date, e.Type, e.Category, e.Points, e.Description,
                db.Staff.Where(x => x.Id == e.StaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(), e.RecordedAt))
            .ToListAsync(ct);

        var weekly = weeks.Select(w => new Week(w.WeekStart, AttendanceFigures.Of(w))).ToList();
        return new Profile(view, header, contacts, AttendanceFigures.Sum(weekly.Select(w => w.Figures)),
            AttendanceFigures.Sum(weekly.Where(w => w.Start >= termStart).Select(w => w.Figures)), term?.Name ?? "this term",
            weekly, marks, codes, subjects, behaviour, Timeline(weekly, subjects, behaviour),
            institution.Bands);
    }

    private async Task<IReadOnlyList<Subject>> SubjectsAsync(int studentId, IReadOnlyDictionary<(int ScaleId, string Code), int> ranks, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.StudentId == studentId)
            .OrderBy(e => e.Course!.Name)
            .Select(e => new
            {
                e.Id,
                Course = e.Course!.Name,
                e.Course.Qualification,
                e.Course.GradeScaleId,
                e.TargetGrade,
                Teacher = db.Staff.Where(x => x.Id == e.TeacherStaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var grades = (await db.AssessmentGrades.AsNoTracking()
                .Where(g => ids.Contains(g.EnrolmentId))
                .Join(db.DataPoints, g => g.DataPointId, d => d.Id, (g, d) => new { g.EnrolmentId, d.Name, d.Date, g.Grade, g.RecordedAt })
                .ToListAsync(ct))
            .ToLookup(g => g.EnrolmentId);
        return [.. enrolments.Select(e =>
        {
            var at = grades[e.Id].OrderBy(g => g.Date).Select(g => new GradeAt(g.Name, g.Date, g.Grade, g.RecordedAt)).ToList();
            var latest = at.LastOrDefault()?.Grade;
            int? gap = latest is not null && e.TargetGrade is not null
                && ranks.TryGetValue((e.GradeScaleId, latest), out var l) && ranks.TryGetValue((e.GradeScaleId, e.TargetGrade), out var t)
                ? l - t : null;
            return new Subject(e.Course, e.Qualification, e.Teacher, e.TargetGrade, at, latest, gap);
        })];
    }

    /// <summary>Everything that happened to the student, newest first: behaviour, grades at each data drop, weeks of low attendance.</summary>
    internal static IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<Week> weeks, IReadOnlyList<Subject> subjects, IReadOnlyList<Event> behaviour)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in behaviour)
        {
            var what = e.Type switch { BehaviourType.Positive => "Positive", BehaviourType.Negative => "Incident", _ => e.Type.ToString() };
            var points = e.Points == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({e.Points:+0;-0} points)");
            entries.Add(new TimelineEntry(e.Date, e.RecordedAt, TimelineKind.Behaviour,
                $"{what}: {e.Category}{points}{(e.Description is null ? "" : $" – {e.Description}")}{(e.Staff is null ? "" : $", recorded by {e.Staff}")}", "behaviour"));
        }
        foreach (var s in subjects)
        {
            GradeAt? previous = null;
            foreach (var g in s.Grades)
            {
                var change = previous is null || previous.Grade == g.Grade ? "" : $", was {previous.Grade}";
                var target = s.Target is null ? "" : $" (target {s.Target})";
                entries.Add(new TimelineEntry(g.Date, g.RecordedAt, TimelineKind.DataDrop, $"{g.DataPoint}: {s.Course} {g.Grade}{target}{change}", "achievement"));
                previous = g;
            }
        }
        foreach (var w in weeks.Where(w => w.Percent < AlertBelowPercent))
        {
            entries.Add(new TimelineEntry(w.Start, null, TimelineKind.AttendanceAlert,
                string.Create(CultureInfo.InvariantCulture, $"Attendance {w.Percent:0.0}% in the week of {w.Start:d MMM} ({w.Unauthorised} unauthorised, {w.Authorised} authorised absences)"),
                "attendance"));
        }
        return [.. entries.OrderByDescending(e => e.Happened).ThenByDescending(e => e.Recorded)];
    }

    private async Task AuditReadAsync(Viewer viewer, int institutionId, int studentId, StudentView view, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = institutionId,
            At = clock.GetUtcNow().UtcDateTime,
            Actor = $"staff:{viewer.StaffId}",
            Action = AuditAction.Read,
            Entity = "StudentProfile",
            EntityId = studentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = studentId,
            Changes = view == StudentView.Academic ? "{\"view\":\"academic\"}" : "{\"view\":\"pastoral\"}",
        });
        await db.SaveChangesAsync(ct);
    }
}
