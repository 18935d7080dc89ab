using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>
/// A tutor, a leader or student services asks for a change to a student's programme: which kind, the course left and
/// the course joined, the reason (from the institution's list), what led to it, and the student's and parents' views.
/// <see cref="PreviewAsync"/> shows its effect (planned hours and funding band, day 42 of each course, the maths and
/// English condition) before it is sent; it then waits in the student's senior tutor's inbox.
/// </summary>
public sealed class RequestCourseChange(CourseChangeAccess access, ChangeReasons reasons)
{
    /// <param name="FromCourse">The code of the course left (drop, swap, change of level, reduced programme).</param>
    /// <param name="ToCourse">The code of the course joined (add, swap, change of level).</param>
    public sealed record Request(int StudentId, CourseChangeKind Kind, string? FromCourse, string? ToCourse, int ReasonId, string? Details,
        string? StudentView = null, string? ParentView = null);

    private sealed record Resolved(int InstitutionId, int StudentId, int? From, int? To);

    /// <summary>The effect of the change if it happened today; null when the viewer may not see the student.</summary>
    public async Task<StudyProgramme.Effect?> PreviewAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var r = await ResolveAsync(scope, request, ct);
        return r is null ? null : await CourseChangeEffect.OfAsync(access.Db, r.InstitutionId, r.StudentId, request.Kind, r.From, r.To, access.Today, ct);
    }

    /// <returns>The request, or null when the viewer may not see the student's pastoral record.</returns>
    public async Task<CourseChange?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var r = await ResolveAsync(scope, request, ct);
        if (r is null)
        {
            return null;
        }
        var reason = (await reasons.ListAsync(r.InstitutionId, activeOnly: true, ct)).FirstOrDefault(x => x.Id == request.ReasonId)
            ?? throw new ValidationException("choose the reason from the list");
        var details = FreeText.Required(request.Details, "what led to the request", CourseChange.DetailsLength);
        var studentView = FreeText.Optional(request.StudentView, "the student's view", CourseChange.ViewLength);
        var parentView = FreeText.Optional(request.ParentView, "the parents' or carers' view", CourseChange.ViewLength);
        var db = access.Db;
        var open = await db.CourseChanges.AsNoTracking()
            .Where(c => c.StudentId == r.StudentId && c.Kind == request.Kind && c.FromCourseId == r.From && c.ToCourseId == r.To
                && (c.Status == CourseChangeStatus.Requested || c.Status == CourseChangeStatus.Authorised))
            .Select(c => (DateTime?)c.RequestedAt).FirstOrDefaultAsync(ct);
        if (open is { } at)
        {
            throw new ValidationException($"the same change was requested on {at:d MMMM yyyy} and has not been decided or actioned yet; expected one request at a time");
        }
        var change = new CourseChange
        {
            InstitutionId = r.InstitutionId,
            StudentId = r.StudentId,
            Kind = request.Kind,
            FromCourseId = r.From,
            ToCourseId = r.To,
            ReasonId = reason.Id,
            Details = details,
            StudentView = studentView,
            ParentView = parentView,
            Status = CourseChangeStatus.Requested,
            RequestedByStaffId = scope.Viewer.StaffId,
            RequestedAt = access.Now,
        };
        db.CourseChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return change;
    }

    private async Task<Resolved?> ResolveAsync(StudentScope scope, Request request, CancellationToken ct)
    {
        scope.Viewer.Demand(Operation.RequestCourseChanges);
        var db = access.Db;
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId)
            .Select(s => new { s.Id, s.InstitutionId, s.OnRoll, s.LeftOn, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName })
            .FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        if (!student.OnRoll)
        {
            throw new ValidationException($"{student.Name} is not on roll{(student.LeftOn is { } left ? $" (left on {left:d MMMM yyyy})" : "")}; expected a student on roll");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ValidationException("choose what kind of change: add, drop, swap, change of level, reduced programme or withdrawal");
        }
        var active = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == student.Id && e.Status == EnrolmentStatus.Active)
            .Select(e => new { e.CourseId, e.Course!.Code, e.Course.Name }).ToListAsync(ct);
        var leaves = request.Kind is CourseChangeKind.Drop or CourseChangeKind.Swap or CourseChangeKind.ChangeLevel or CourseChangeKind.ReducedProgramme;
        var joins = request.Kind is CourseChangeKind.Add or CourseChangeKind.Swap or CourseChangeKind.ChangeLevel;
        int? from = null, to = null;
        if (leaves)
        {
            var code = request.FromCourse?.Trim() ?? "";
            if (code.Length == 0)
            {
                throw new ValidationException("choose the course the student would leave");
            }
            from = active.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))?.CourseId
                ?? throw new ValidationException($"{student.Name} is not studying '{FreeText.Short(code)}'; expected one of their courses: {string.Join(", ", active.Select(e => e.Code).Order(StringComparer.Ordinal))}");
            if (request.Kind == CourseChangeKind.ReducedProgramme && active.Count < 2)
            {
                throw new ValidationException($"{student.Name} studies one course; a reduced programme keeps at least one (to leave it, request a withdrawal)");
            }
        }
        if (joins)
        {
            var code = request.ToCourse?.Trim() ?? "";
            if (code.Length == 0)
            {
                throw new ValidationException("choose the course the student would join");
            }
            var course = (await db.Courses.AsNoTracking().Where(c => c.InstitutionId == student.InstitutionId)
                    .Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct))
                .FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationException($"there is no course '{FreeText.Short(code)}'; expected a course code from the enrolments import");
            if (active.Any(e => e.CourseId == course.Id))
            {
                throw new ValidationException($"{student.Name} already studies {course.Name}; expected a course they are not on");
            }
            to = course.Id;
        }
        if (request.Kind == CourseChangeKind.Withdraw && active.Count == 0)
        {
            throw new ValidationException($"{student.Name} has no courses to withdraw from");
        }
        return new Resolved(student.InstitutionId, student.Id, from, to);
    }
}
