using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Cover;

/// <summary>
/// A senior tutor (for their team), a progress leader (for the tutors of their years), a senior leader or an
/// administrator gives an absent tutor's caseload — all of it, or one tutor group — to another member of staff for a
/// range of days. From the first day to the last the cover sees those students and the tutor's inbox items for them
/// (<see cref="StudentScope"/>); ending it early takes that away at once.
/// </summary>
public sealed class ArrangeCover(CaseloadDbContext db, TimeProvider clock)
{
    public sealed record Request(int TutorStaffId, int CoverStaffId, int? TutorGroupId, DateOnly From, DateOnly To);

    public async Task<Domain.Cover> HandleAsync(Viewer viewer, Request request, CancellationToken ct = default)
    {
        viewer.Demand(Operation.ArrangeCover);
        var today = clock.Today();
        if (!(await TutorsForAsync(db, viewer, ct)).Any(t => t.Id == request.TutorStaffId))
        {
            throw new NotFoundException();
        }
        var cover = await db.Staff.AsNoTracking().Where(s => s.Id == request.CoverStaffId && s.InstitutionId == viewer.InstitutionId && s.Active)
            .Select(s => new { s.Id }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("choose who covers from the institution's current staff");
        if (cover.Id == request.TutorStaffId)
        {
            throw new ValidationException("a tutor cannot cover their own caseload; choose someone else");
        }
        if (request.TutorGroupId is { } group && !await db.TutorGroups.AnyAsync(g => g.Id == group && g.TutorStaffId == request.TutorStaffId, ct))
        {
            throw new ValidationException("that tutor group is not the tutor's; choose one of their groups or the whole caseload");
        }
        if (request.To < request.From)
        {
            throw new ValidationException($"the last day ({request.To:d MMM yyyy}) is before the first ({request.From:d MMM yyyy}); expected the last day on or after the first");
        }
        if (request.To.DayNumber - request.From.DayNumber + 1 > Limits.CoverDays)
        {
            throw new ValidationException($"cover of {request.To.DayNumber - request.From.DayNumber + 1} days is longer than {Limits.CoverDays}; arrange a longer absence as a change of tutor in the MIS");
        }
        if (request.From < today.AddDays(-7) || request.From > today.AddDays(Limits.CoverStartsWithinDays) || request.To < today)
        {
            throw new ValidationException($"cover must end today or later and begin between {today.AddDays(-7):d MMM yyyy} and {today.AddDays(Limits.CoverStartsWithinDays):d MMM yyyy}");
        }
        var overlapping = await db.Covers.AnyAsync(c => c.TutorStaffId == request.TutorStaffId && !c.Ended && c.From <= request.To && c.To >= request.From
            && (c.TutorGroupId == null || request.TutorGroupId == null || c.TutorGroupId == request.TutorGroupId), ct);
        if (overlapping)
        {
            throw new ValidationException("this tutor's caseload (or that group) is already covered on some of those days; end that cover first or choose other days");
        }
        var row = new Domain.Cover
        {
            InstitutionId = viewer.InstitutionId,
            TutorStaffId = request.TutorStaffId,
            CoverStaffId = cover.Id,
            TutorGroupId = request.TutorGroupId,
            From = request.From,
            To = request.To,
            SetByStaffId = viewer.StaffId,
            SetAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Covers.Add(row);
        await db.SaveChangesAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return row;
    }

    /// <summary>Ends a cover now (or cancels one not yet begun): the cover no longer sees the students.</summary>
    public async Task EndAsync(Viewer viewer, int coverId, CancellationToken ct = default)
    {
        viewer.Demand(Operation.ArrangeCover);
        var row = await db.Covers.FirstOrDefaultAsync(c => c.Id == coverId && c.InstitutionId == viewer.InstitutionId, ct);
        if (row is null || !(await TutorsForAsync(db, viewer, ct)).Any(t => t.Id == row.TutorStaffId))
        {
            throw new NotFoundException();
        }
        row.Ended = true;
        await db.SaveChangesAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
    }

    public sealed record Tutor(int Id, string Name, IReadOnlyList<(int Id, string Code)> Groups);

    /// <summary>The tutors whose cover the viewer may arrange, with their groups.</summary>
    public static async Task<IReadOnlyList<Tutor>> TutorsForAsync(CaseloadDbContext db, Viewer viewer, CancellationToken ct)
    {
        if (!viewer.May(Operation.ArrangeCover))
        {
            return [];
        }
        var tutors = db.Staff.Where(s => s.InstitutionId == viewer.InstitutionId && s.Active
            && s.Roles.Any(r => r.Role == Roles.Tutor || r.Role == Roles.SeniorTutor));
        if (!viewer.HasAny(Roles.Administrator, Roles.SeniorLeader))
        {
            var me = viewer.StaffId;
            var (senior, leader) = (viewer.Has(Roles.SeniorTutor), viewer.Has(Roles.ProgressLeader));
            var team = db.TutorTeamMembers.Where(t => senior && t.SeniorTutorStaffId == me).Select(t => t.TutorStaffId);
            var years = db.YearGroups.Where(y => leader
                && (y.ProgressLeaderStaffId == me || db.YearGroupAssistants.Any(a => a.YearGroupId == y.Id && a.StaffId == me))).Select(y => y.Id);
            tutors = tutors.Where(s => team.Contains(s.Id) || db.TutorGroups.Any(g => g.TutorStaffId == s.Id && years.Contains(g.YearGroupId)));
        }
        var rows = await tutors.OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, Groups = db.TutorGroups.Where(g => g.TutorStaffId == s.Id).OrderBy(g => g.Code).Select(g => new { g.Id, g.Code }).ToList() })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Tutor(r.Id, r.Name, [.. r.Groups.Select(g => (g.Id, g.Code))]))];
    }
}
