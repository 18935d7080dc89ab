using System.Globalization;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Wellbeing;

/// <summary>A wellbeing case for the wellbeing team: the student, stage, owner, review and its history, in order. A
/// counselling note's words only for counsellors (others see that a counselling session was recorded, when and by
/// whom). Each reading audited. Null for anyone outside the team, and for another institution's case.</summary>
public sealed class GetWellbeingCase(ReferralAccess access)
{
    public sealed record Line(long Id, WellbeingNoteKind Kind, DateOnly On, DateTime RecordedAt, string By, int Stage, string? Text);

    public sealed record Case(long Id, int StudentId, string Student, string? Group, long? ReferralId, int Stage, string StageName, string Summary, int OwnerStaffId, string Owner,
        DateOnly OpenedOn, DateOnly NextReview, DateOnly? ClosedOn, string? Outcome, int Version, IReadOnlyList<Line> Lines, bool Counsellor);

    public async Task<Case?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.UseWellbeingCases))
        {
            return null;
        }
        var db = access.Db;
        var c = await db.WellbeingCases.AsNoTracking().Where(c => c.Id == id && c.InstitutionId == v.InstitutionId)
            .Select(c => new
            {
                c,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code }).First(),
                Owner = db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var counsellor = v.May(Operation.KeepCounsellingNotes);
        var lines = await db.WellbeingNotes.AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.On).ThenBy(n => n.Id)
            .Select(n => new Line(n.Id, n.Kind, n.On, n.RecordedAt, db.Staff.Where(s => s.Id == n.ByStaffId).Select(s => s.FirstName + " " + s.LastName).First(), n.Stage,
                n.Kind == WellbeingNoteKind.Counselling && !counsellor ? null : n.Text))
            .ToListAsync(ct);
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = v.InstitutionId,
            At = access.Now,
            Actor = $"staff:{v.StaffId}",
            Action = AuditAction.Read,
            Entity = nameof(WellbeingCase),
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            StudentId = c.c.StudentId,
        });
        await db.SaveChangesAsync(ct);
        var stage = WellbeingStages.All.FirstOrDefault(s => s.Number == c.c.Stage);
        return new Case(c.c.Id, c.c.StudentId, c.Student.Name, c.Student.Group, c.c.ReferralId, c.c.Stage, stage?.Name ?? $"Stage {c.c.Stage}", c.c.Summary, c.c.OwnerStaffId, c.Owner,
            c.c.OpenedOn, c.c.NextReview, c.c.ClosedOn, c.c.Outcome, c.c.Version, lines, counsellor);
    }
}
