using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cover;

/// <summary>
/// Cover that concerns the viewer: what they arranged or may arrange (for their team, their years, or everyone), and
/// what they are covering themselves — current and to come, and what ended in the last fortnight.
/// </summary>
public sealed class ListCovers(CaseloadDbContext db, TimeProvider clock)
{
    public enum State
    {
        Upcoming,
        Current,
        Over,
    }

    public sealed record Line(int Id, string Tutor, string Cover, string What, DateOnly From, DateOnly To, State State, bool Mine, string SetBy);

    public async Task<IReadOnlyList<Line>> HandleAsync(Viewer viewer, CancellationToken ct = default)
    {
        var today = clock.Today();
        var tutors = (await ArrangeCover.TutorsForAsync(db, viewer, ct)).Select(t => t.Id).ToList();
        var me = viewer.StaffId;
        var since = today.AddDays(-14);
        var rows = await db.Covers.AsNoTracking()
            .Where(c => c.InstitutionId == viewer.InstitutionId && (c.CoverStaffId == me || tutors.Contains(c.TutorStaffId)) && c.To >= since)
            .OrderBy(c => c.From).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                Tutor = db.Staff.Where(s => s.Id == c.TutorStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                Cover = db.Staff.Where(s => s.Id == c.CoverStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                Group = db.TutorGroups.Where(g => g.Id == c.TutorGroupId).Select(g => g.Code).FirstOrDefault(),
                c.From,
                c.To,
                c.Ended,
                c.CoverStaffId,
                SetBy = db.Staff.Where(s => s.Id == c.SetByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
            })
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(r => new Line(r.Id, r.Tutor, r.Cover, r.Group is null ? "whole caseload" : $"tutor group {r.Group}", r.From, r.To,
            r.Ended || r.To < today ? State.Over : r.From > today ? State.Upcoming : State.Current, r.CoverStaffId == me, r.SetBy))];
    }
}
