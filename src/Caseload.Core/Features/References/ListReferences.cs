using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>"Due soon": the applications of the students the viewer writes for (a tutor's tutees, a senior tutor's team),
/// not yet released, by deadline — with how many contributions are in — and the contributions the viewer was asked for.</summary>
public sealed class ListReferences(ReferenceAccess access)
{
    public const int MaxRows = 500;

    public sealed record Line(long Id, int StudentId, string Student, string? Group, ApplicationRoute Route, ReferenceStatus Status, DateOnly Deadline,
        int Asked, int In, bool ToCheck);

    public sealed record Ask(long Id, string Student, string Course, DateOnly DueOn, DateTime? SubmittedAt);

    public sealed record Result(IReadOnlyList<Line> Applications, IReadOnlyList<Ask> Contributions);

    public async Task<Result> HandleAsync(StudentScope scope, CancellationToken ct = default)
    {
        var db = access.Db;
        var v = scope.Viewer;
        var rows = await access.Writable(scope).AsNoTracking().Where(a => a.Status != ReferenceStatus.Released)
            .Join(db.ReferenceCycles, a => a.CycleId, c => c.Id, (a, c) => new { a, c.EarlyDeadline, c.MainDeadline })
            .Select(x => new
            {
                x.a.Id,
                x.a.StudentId,
                Student = db.Students.Where(s => s.Id == x.a.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Group = db.Students.Where(s => s.Id == x.a.StudentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.Code).First(),
                x.a.Route,
                x.a.Status,
                Deadline = x.a.EarlyDeadline ? x.EarlyDeadline : x.MainDeadline,
                Asked = db.Contributions.Count(c => c.ApplicationId == x.a.Id),
                In = db.Contributions.Count(c => c.ApplicationId == x.a.Id && c.SubmittedAt != null),
            })
            .OrderBy(x => x.Deadline).Take(MaxRows).ToListAsync(ct);
        var checks = new HashSet<long>();
        if (v.May(Operation.CheckReferences))
        {
            foreach (var r in rows.Where(r => r.Status is ReferenceStatus.Drafted or ReferenceStatus.Checked))
            {
                if (await access.MayCheckAsync(v, r.StudentId, ct))
                {
                    checks.Add(r.Id);
                }
            }
        }
        var asks = await db.Contributions.AsNoTracking().Where(c => c.TeacherStaffId == v.StaffId)
            .Join(db.Applications.Where(a => a.InstitutionId == v.InstitutionId && a.Status < ReferenceStatus.Drafted), c => c.ApplicationId, a => a.Id, (c, a) => c)
            .OrderBy(c => c.DueOn).Take(MaxRows)
            .Select(c => new Ask(c.Id,
                db.Enrolments.Where(e => e.Id == c.EnrolmentId).Select(e => (e.Student!.PreferredName ?? e.Student.FirstName) + " " + e.Student.LastName).First(),
                db.Enrolments.Where(e => e.Id == c.EnrolmentId).Select(e => e.Course!.Name).First(), c.DueOn, c.SubmittedAt))
            .ToListAsync(ct);
        return new Result([.. rows.Select(r => new Line(r.Id, r.StudentId, r.Student, r.Group, r.Route, r.Status, r.Deadline, r.Asked, r.In, checks.Contains(r.Id)))], asks);
    }
}
