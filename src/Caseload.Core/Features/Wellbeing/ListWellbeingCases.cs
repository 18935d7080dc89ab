using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Wellbeing;

/// <summary>The wellbeing team's page: referrals to the team not yet closed and without a case (to open one from), and
/// the open cases — the viewer's first, then by review date. Null for anyone outside the team.</summary>
public sealed class ListWellbeingCases(ReferralAccess access)
{
    public sealed record Waiting(long ReferralId, int StudentId, string Student, ReferralCategory Category, DateTime RaisedAt, string RaisedBy, string What);

    public sealed record Open(long Id, int StudentId, string Student, int Stage, string StageName, string Owner, bool Mine, DateOnly OpenedOn, DateOnly NextReview);

    public sealed record Result(IReadOnlyList<Waiting> Referrals, IReadOnlyList<Open> Cases);

    public async Task<Result?> HandleAsync(StudentScope scope, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.UseWellbeingCases))
        {
            return null;
        }
        var db = access.Db;
        var waiting = await access.Received(scope).AsNoTracking()
            .Where(r => !r.Restricted && r.ToRole == Roles.Wellbeing && r.Status != ReferralStatus.Closed && !db.WellbeingCases.Any(c => c.ReferralId == r.Id)
                && !db.WellbeingCases.Any(c => c.StudentId == r.StudentId && c.ClosedOn == null))
            .OrderBy(r => r.RaisedAt).Take(200)
            .Select(r => new Waiting(r.Id, r.StudentId, db.Students.Where(s => s.Id == r.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                r.Category, r.RaisedAt, db.Staff.Where(s => s.Id == r.RaisedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(), r.What))
            .ToListAsync(ct);
        var me = v.StaffId;
        var open = await db.WellbeingCases.AsNoTracking().Where(c => c.InstitutionId == v.InstitutionId && c.ClosedOn == null)
            .OrderByDescending(c => c.OwnerStaffId == me).ThenBy(c => c.NextReview).Take(500)
            .Select(c => new
            {
                c.Id,
                c.StudentId,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                c.Stage,
                Owner = db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                Mine = c.OwnerStaffId == me,
                c.OpenedOn,
                c.NextReview,
            })
            .ToListAsync(ct);
        return new Result(waiting, [.. open.Select(c => new Open(c.Id, c.StudentId, c.Student, c.Stage, WellbeingStages.All.FirstOrDefault(s => s.Number == c.Stage)?.Name ?? $"Stage {c.Stage}",
            c.Owner, c.Mine, c.OpenedOn, c.NextReview))]);
    }
}
