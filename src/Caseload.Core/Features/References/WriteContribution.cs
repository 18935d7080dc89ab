using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>
/// A subject teacher's contribution: what they see (the student, the course, the current and target grades, the due date,
/// the guidance and budget, and their own words — never anyone else's) and saving it with the predicted grade, a grade on
/// the course's scale. Only the teacher asked, and only while they teach the student the course.
/// </summary>
public sealed class WriteContribution(ReferenceAccess access)
{
    public sealed record View(Contribution Contribution, string Student, string Course, string Qualification, string? Current, string? Target,
        IReadOnlyList<string> Grades, string Route, bool Locked);

    public async Task<View?> GetAsync(Viewer viewer, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var c = await Mine(viewer).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var e = await db.Enrolments.AsNoTracking().Where(x => x.Id == c.EnrolmentId)
            .Select(x => new
            {
                Student = (x.Student!.PreferredName ?? x.Student.FirstName) + " " + x.Student.LastName,
                x.Course!.Name,
                x.Course.Qualification,
                x.Course.GradeScaleId,
                x.TargetGrade,
                Current = db.AssessmentGrades.Where(g => g.EnrolmentId == x.Id).Join(db.DataPoints, g => g.DataPointId, d => d.Id, (g, d) => new { g.Grade, d.Date })
                    .OrderByDescending(g => g.Date).Select(g => g.Grade).FirstOrDefault(),
            }).FirstAsync(ct);
        var grades = await db.Grades.AsNoTracking().Where(g => g.GradeScaleId == e.GradeScaleId).OrderByDescending(g => g.Rank).Select(g => g.Code).ToListAsync(ct);
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == c.ApplicationId, ct);
        return new View(c, e.Student, e.Name, e.Qualification, e.Current, e.TargetGrade, grades, References.ReferenceWords.Describe(application.Route),
            application.Status >= ReferenceStatus.Drafted);
    }

    /// <summary>Saves the contribution against the version the teacher saw.</summary>
    /// <returns>False when there is no such contribution the viewer was asked for.</returns>
    public async Task<bool> HandleAsync(Viewer viewer, long id, int version, string? text, string? predicted, CancellationToken ct = default)
    {
        var db = access.Db;
        var c = await Mine(viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return false;
        }
        if (c.Version != version)
        {
            throw new ConcurrencyException("this contribution");
        }
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.Id == c.EnrolmentId).Select(e => new { e.TeacherStaffId, e.Status, e.Course!.GradeScaleId, e.Course.Name }).FirstAsync(ct);
        if (enrolment.TeacherStaffId != viewer.StaffId || enrolment.Status != EnrolmentStatus.Active)
        {
            throw new ValidationException($"you no longer teach this student {enrolment.Name}; expected a contribution from their teacher");
        }
        var application = await db.Applications.FirstAsync(a => a.Id == c.ApplicationId, ct);
        if (application.Status >= ReferenceStatus.Drafted)
        {
            throw new ValidationException("the tutor has drafted the reference; expected a contribution before then (speak to the tutor)");
        }
        var words = FreeText.Required(ReferenceAccess.Normalise(text), "your contribution", Contribution.TextLength);
        var grade = (predicted ?? "").Trim();
        var grades = await db.Grades.AsNoTracking().Where(g => g.GradeScaleId == enrolment.GradeScaleId).OrderByDescending(g => g.Rank).Select(g => g.Code).ToListAsync(ct);
        var match = grades.FirstOrDefault(g => string.Equals(g, grade, StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException($"predicted grade '{FreeText.Short(grade)}' is not on the course's scale; expected one of {string.Join(", ", grades)}");
        c.Text = words;
        c.PredictedGrade = match;
        c.PredictedByStaffId = viewer.StaffId;
        c.SubmittedAt ??= access.Now;
        if (application.Status == ReferenceStatus.Requested
            && !await db.Contributions.AnyAsync(x => x.ApplicationId == application.Id && x.Id != c.Id && x.SubmittedAt == null, ct))
        {
            application.Status = ReferenceStatus.ContributionsIn;
        }
        await VersionedSave.SaveAsync(db, "this contribution", ct);
        return true;
    }

    private IQueryable<Contribution> Mine(Viewer viewer) =>
        access.Db.Contributions.Where(c => c.TeacherStaffId == viewer.StaffId
            && access.Db.Applications.Any(a => a.Id == c.ApplicationId && a.InstitutionId == viewer.InstitutionId));
}
