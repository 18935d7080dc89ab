using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Security;

/// <summary>
/// The one place that decides which students a member of staff may see, by role and by relationship. Every page,
/// API endpoint and command filters through it. Rules (docs/access.md):
/// administrators, senior leaders, the safeguarding team and student services see their whole institution;
/// a progress leader sees the year groups and houses they lead; a tutor sees their caseload (their tutor groups and
/// students assigned to them); a senior tutor sees their team's caseloads and their own; a subject teacher sees the
/// students they teach, academic data only. Nobody sees another institution's students. Roles add up.
/// </summary>
public sealed class StudentScope
{
    private StudentScope(Viewer viewer)
    {
        Viewer = viewer;
    }

    public Viewer Viewer { get; }
    public bool WholeInstitution { get; private init; }
    public IReadOnlyList<int> TutorGroupIds { get; private init; } = [];
    public IReadOnlyList<int> YearGroupIds { get; private init; } = [];
    public IReadOnlyList<int> HouseIds { get; private init; } = [];
    public IReadOnlyList<int> CaseloadStaffIds { get; private init; } = [];
    public bool Teaches { get; private init; }

    /// <summary>The absent tutors the viewer covers today: all their caseload, or one group of it (<see cref="Domain.Cover"/>).</summary>
    public IReadOnlyList<Covering> Covers { get; private init; } = [];

    public sealed record Covering(int TutorStaffId, string TutorName, int? TutorGroupId, string? TutorGroupCode, DateOnly To);
    public DateOnly? Today { get; private init; }

    public static async Task<StudentScope> ForAsync(CaseloadDbContext db, Viewer viewer, CancellationToken ct = default) =>
        await ForAsync(db, viewer, null, ct);

    /// <param name="today">The school day, for individual caseload assignments that begin or end on a date (without it,
    /// an assignment counts until it has an end date).</param>
    public static async Task<StudentScope> ForAsync(CaseloadDbContext db, Viewer viewer, DateOnly? today, CancellationToken ct = default)
    {
        if (viewer.SeesWholeInstitution)
        {
            return new StudentScope(viewer) { WholeInstitution = true, Today = today };
        }
        // Whose caseloads count as the viewer's: their own as a tutor, and their team's as a senior tutor.
        var caseloadStaff = new List<int>();
        if (viewer.HasAny(Roles.Tutor, Roles.SeniorTutor))
        {
            caseloadStaff.Add(viewer.StaffId);
        }
        if (viewer.Has(Roles.SeniorTutor))
        {
            caseloadStaff.AddRange(await db.TutorTeamMembers.AsNoTracking()
                .Where(t => t.SeniorTutorStaffId == viewer.StaffId && t.InstitutionId == viewer.InstitutionId)
                .Select(t => t.TutorStaffId).ToListAsync(ct));
        }
        // Cover: an absent tutor's whole caseload counts as the viewer's, or one of their groups does, from the first day to the last.
        List<Covering> covers = today is not { } day ? [] : await db.Covers.AsNoTracking()
            .Where(c => c.CoverStaffId == viewer.StaffId && c.InstitutionId == viewer.InstitutionId && !c.Ended && c.From <= day && c.To >= day)
            .Select(c => new Covering(c.TutorStaffId, db.Staff.Where(s => s.Id == c.TutorStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                c.TutorGroupId, db.TutorGroups.Where(g => g.Id == c.TutorGroupId).Select(g => g.Code).FirstOrDefault(), c.To))
            .ToListAsync(ct);
        caseloadStaff.AddRange(covers.Where(c => c.TutorGroupId is null && !caseloadStaff.Contains(c.TutorStaffId)).Select(c => c.TutorStaffId));
        var groups = caseloadStaff.Count == 0 ? [] : await db.TutorGroups.AsNoTracking()
            .Where(g => g.InstitutionId == viewer.InstitutionId && g.TutorStaffId != null && caseloadStaff.Contains(g.TutorStaffId.Value))
            .Select(g => g.Id).ToListAsync(ct);
        groups.AddRange(covers.Select(c => c.TutorGroupId).OfType<int>().Where(g => !groups.Contains(g)));
        List<int> years = [], houses = [];
        if (viewer.Has(Roles.ProgressLeader))
        {
            years = await db.YearGroups.AsNoTracking()
                .Where(y => y.InstitutionId == viewer.InstitutionId
                    && (y.ProgressLeaderStaffId == viewer.StaffId || db.YearGroupAssistants.Any(a => a.YearGroupId == y.Id && a.StaffId == viewer.StaffId)))
                .Select(y => y.Id).ToListAsync(ct);
            houses = await db.Houses.AsNoTracking()
                .Where(h => h.InstitutionId == viewer.InstitutionId && h.HeadStaffId == viewer.StaffId)
                .Select(h => h.Id).ToListAsync(ct);
        }
        return new StudentScope(viewer)
        {
            TutorGroupIds = groups,
            YearGroupIds = years,
            HouseIds = houses,
            CaseloadStaffIds = caseloadStaff,
            Teaches = viewer.Has(Roles.SubjectTeacher),
            Today = today,
            Covers = covers,
        };
    }

    /// <summary>Students whose pastoral record the viewer may see.</summary>
    public IQueryable<Student> Pastoral(CaseloadDbContext db)
    {
        var students = db.Students.Where(s => s.InstitutionId == Viewer.InstitutionId);
        if (WholeInstitution)
        {
            return students;
        }
        var groups = TutorGroupIds;
        var years = YearGroupIds;
        var houses = HouseIds;
        var staff = CaseloadStaffIds;
        if (Today is { } today)
        {
            return students.Where(s =>
                (s.TutorGroupId != null && groups.Contains(s.TutorGroupId.Value))
                || years.Contains(s.YearGroupId)
                || (s.HouseId != null && houses.Contains(s.HouseId.Value))
                || db.CaseloadMembers.Any(c => c.StudentId == s.Id && staff.Contains(c.StaffId) && c.From <= today && (c.To == null || c.To >= today)));
        }
        return students.Where(s =>
            (s.TutorGroupId != null && groups.Contains(s.TutorGroupId.Value))
            || years.Contains(s.YearGroupId)
            || (s.HouseId != null && houses.Contains(s.HouseId.Value))
            || db.CaseloadMembers.Any(c => c.StudentId == s.Id && staff.Contains(c.StaffId) && c.To == null));
    }

    /// <summary>Students the viewer may see at all: their pastoral students plus, for teachers, the students they teach.</summary>
    public IQueryable<Student> Visible(CaseloadDbContext db)
    {
        if (WholeInstitution || !Teaches)
        {
            return Pastoral(db);
        }
        var pastoral = Pastoral(db).Select(s => s.Id);
        var me = Viewer.StaffId;
        return db.Students.Where(s => s.InstitutionId == Viewer.InstitutionId
            && (pastoral.Contains(s.Id) || db.Enrolments.Any(e => e.StudentId == s.Id && e.TeacherStaffId == me && e.Status == EnrolmentStatus.Active)));
    }

    /// <summary>How much of one student's record the viewer may see.</summary>
    public async Task<StudentView> ViewOfAsync(CaseloadDbContext db, int studentId, CancellationToken ct = default)
    {
        if (await IsPastoralAsync(db, studentId, ct))
        {
            return StudentView.Pastoral;
        }
        return Teaches && await Visible(db).AnyAsync(s => s.Id == studentId, ct) ? StudentView.Academic : StudentView.None;
    }

    /// <summary><see cref="Pastoral"/> for one student, as a compiled query: it begins every view of a student's page
    /// (decision 0024). The same rule as <see cref="Pastoral"/>, whose shapes it repeats (a test holds them equal).</summary>
    private Task<bool> IsPastoralAsync(CaseloadDbContext db, int studentId, CancellationToken ct)
    {
        if (WholeInstitution)
        {
            return InInstitution.For(db)(db, studentId, Viewer.InstitutionId, ct);
        }
        int[] groups = [.. TutorGroupIds], years = [.. YearGroupIds], houses = [.. HouseIds], staff = [.. CaseloadStaffIds];
        return Today is { } today
            ? PastoralOn.For(db)(db, studentId, Viewer.InstitutionId, groups, years, houses, staff, today, ct)
            : PastoralOpen.For(db)(db, studentId, Viewer.InstitutionId, groups, years, houses, staff, ct);
    }

    private static readonly Compiled<Func<CaseloadDbContext, int, int, CancellationToken, Task<bool>>> InInstitution = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int studentId, int institutionId, CancellationToken ct) =>
            db.Students.Any(s => s.Id == studentId && s.InstitutionId == institutionId)));

    private static readonly Compiled<Func<CaseloadDbContext, int, int, int[], int[], int[], int[], DateOnly, CancellationToken, Task<bool>>> PastoralOn =
        CompiledQueries.Of(() => EF.CompileAsyncQuery((CaseloadDbContext db, int studentId, int institutionId, int[] groups, int[] years, int[] houses, int[] staff, DateOnly today, CancellationToken ct) =>
            db.Students.Any(s => s.Id == studentId && s.InstitutionId == institutionId
                && ((s.TutorGroupId != null && groups.Contains(s.TutorGroupId.Value))
                    || years.Contains(s.YearGroupId)
                    || (s.HouseId != null && houses.Contains(s.HouseId.Value))
                    || db.CaseloadMembers.Any(c => c.StudentId == s.Id && staff.Contains(c.StaffId) && c.From <= today && (c.To == null || c.To >= today))))));

    private static readonly Compiled<Func<CaseloadDbContext, int, int, int[], int[], int[], int[], CancellationToken, Task<bool>>> PastoralOpen =
        CompiledQueries.Of(() => EF.CompileAsyncQuery((CaseloadDbContext db, int studentId, int institutionId, int[] groups, int[] years, int[] houses, int[] staff, CancellationToken ct) =>
            db.Students.Any(s => s.Id == studentId && s.InstitutionId == institutionId
                && ((s.TutorGroupId != null && groups.Contains(s.TutorGroupId.Value))
                    || years.Contains(s.YearGroupId)
                    || (s.HouseId != null && houses.Contains(s.HouseId.Value))
                    || db.CaseloadMembers.Any(c => c.StudentId == s.Id && staff.Contains(c.StaffId) && c.To == null)))));
}
