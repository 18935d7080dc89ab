using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// A safeguarding action as its owner sees it: the child, the due date, who set it, and what it asks only when the
/// safeguarding team shared that. The safeguarding team sees it in full. A shared action's read is audited (restricted).
/// Null for anyone else.
/// </summary>
public sealed class GetSafeguardingTask(ReferralAccess access, AuditActor actor)
{
    /// <param name="Text">What it asks; null when not shared with the viewer.</param>
    public sealed record Task_(long Id, int StudentId, string Student, string? Group, DateOnly DueOn, string SetBy, string? Text, DateTime? DoneAt, string? DoneBy, int Version, bool Team);

    public async Task<Task_?> HandleAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var v = scope.Viewer;
        var team = await access.ReadableEntries(v).AnyAsync(e => e.Id == id, ct);
        var row = await db.SafeguardingEntries.AsNoTracking()
            .Where(e => e.Id == id && e.Kind == SafeguardingEntryKind.Action && e.InstitutionId == v.InstitutionId && (team || e.OwnerStaffId == v.StaffId))
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Group = db.Students.Where(s => s.Id == e.StudentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.Code).First(),
                DueOn = e.DueOn!.Value,
                SetBy = db.Staff.Where(s => s.Id == e.RecordedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                e.Text,
                e.SharedWithOwner,
                e.DoneAt,
                DoneBy = db.Staff.Where(s => s.Id == e.DoneByStaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                e.Version,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var shown = team || row.SharedWithOwner;
        if (shown)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                InstitutionId = v.InstitutionId,
                At = access.Now,
                Actor = actor.Name,
                Action = AuditAction.Read,
                Entity = nameof(SafeguardingEntry),
                EntityId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StudentId = row.StudentId,
                Changes = "{\"restricted\":true}",
                Restricted = true,
            });
            await db.SaveChangesAsync(ct);
        }
        return new Task_(row.Id, row.StudentId, row.Student, row.Group, row.DueOn, row.SetBy, shown ? row.Text : null, row.DoneAt, row.DoneBy, row.Version, team);
    }
}
