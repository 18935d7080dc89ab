using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// The parents-and-carers contact log (calls, e-mails, letters, meetings, parents' evenings; positive contact home as its
/// own kind) and the 48-hour rule after serious behaviour incidents (<see cref="ParentContactRule"/>). Only staff with the
/// student's pastoral record.
/// </summary>
public sealed class ParentContacts(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public static string Describe(ContactMethod method) => method switch
    {
        ContactMethod.Call => "phone call",
        ContactMethod.Email => "e-mail",
        ContactMethod.Letter => "letter",
        ContactMethod.Meeting => "meeting",
        ContactMethod.ParentsEvening => "parents' evening",
        _ => "text message",
    };

    public sealed record Log(int StudentId, ContactMethod Method, bool Positive, string With, DateOnly On, string Summary, string? Outcome);

    /// <returns>The contact, or null when the viewer may not see the student.</returns>
    public async Task<ParentContact?> LogAsync(StudentScope scope, Log request, CancellationToken ct = default)
    {
        var student = await scope.Pastoral(db).AsNoTracking().Where(s => s.Id == request.StudentId).Select(s => new { s.Id, s.InstitutionId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        if (!Enum.IsDefined(request.Method))
        {
            throw new ValidationException("choose how the contact was made (call, e-mail, letter, meeting, parents' evening, text message)");
        }
        var today = clock.Today();
        if (request.On > today)
        {
            throw new ValidationException($"the contact's date {request.On:d MMM yyyy} is in the future; log a contact once it has been made");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new ParentContact
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Method = request.Method,
            Positive = request.Positive,
            With = Referrals.Text(request.With, "who was contacted", 200),
            On = request.On,
            Summary = Referrals.Text(request.Summary, "what was said"),
            Outcome = string.IsNullOrWhiteSpace(request.Outcome) ? null : Referrals.Text(request.Outcome, "the outcome", 2000),
            StaffId = scope.Viewer.StaffId,
            RecordedAt = now,
            RecordedBy = actor.Name,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
        };
        db.ParentContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public sealed record Line(ParentContact Contact, string By);

    public async Task<IReadOnlyList<Line>> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default) =>
        !await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct) ? []
        : await db.ParentContacts.AsNoTracking().Where(c => c.StudentId == studentId && c.DeletedAt == null)
            .OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt)
            .Select(c => new Line(c, db.Staff.Where(s => s.Id == c.StaffId).Select(s => s.FirstName + " " + s.LastName).First()))
            .ToListAsync(ct);

    public sealed record Incident(long BehaviourEventId, int StudentId, string Student, DateOnly On, string Category, int Points,
        DateOnly Deadline, DateOnly? ContactOn, ParentContactRule.State State);

    /// <summary>Serious incidents since <paramref name="from"/> of the given students and whether parents were contacted in time.</summary>
    public async Task<IReadOnlyList<Incident>> FortyEightHoursAsync(IReadOnlyCollection<int> students, DateOnly from, DateOnly today, CancellationToken ct = default)
    {
        var serious = ParentContactRule.SeriousFromPoints;
        var rows = await db.BehaviourEvents.AsNoTracking()
            .Where(e => students.Contains(e.StudentId) && e.Date >= from && e.Type == BehaviourType.Negative
                && (e.Points <= serious || e.Category.ToLower().Contains("bully") || e.Category.ToLower().Contains("racis")))
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                e.Date,
                e.Category,
                e.Points,
                Contact = db.ParentContacts.Where(c => c.StudentId == e.StudentId && c.DeletedAt == null && c.On >= e.Date).Min(c => (DateOnly?)c.On),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Incident(r.Id, r.StudentId, r.Student, r.Date, r.Category, r.Points, ParentContactRule.Deadline(r.Date), r.Contact,
                ParentContactRule.StateOf(r.Date, r.Contact, today)))
            .OrderByDescending(i => i.On)];
    }

    /// <summary>Corrects a contact's summary and outcome against the version the caller saw; the previous text stays in the audit log.</summary>
    public Task<bool> EditAsync(StudentScope scope, long id, int expectedVersion, string summary, string? outcome, CancellationToken ct = default) =>
        ChangeAsync(scope, id, expectedVersion, c =>
        {
            c.Summary = Referrals.Text(summary, "what was said");
            c.Outcome = string.IsNullOrWhiteSpace(outcome) ? null : Referrals.Text(outcome, "the outcome", 2000);
        }, ct);

    /// <summary>Soft delete with a reason: gone from the log and the timeline, kept (and visible to administrators in the audit log).</summary>
    public Task<bool> DeleteAsync(StudentScope scope, long id, int expectedVersion, string why, CancellationToken ct = default) =>
        ChangeAsync(scope, id, expectedVersion, c =>
        {
            c.DeletedReason = Referrals.Text(why, "why the contact is deleted", 1000);
            c.DeletedAt = clock.GetUtcNow().UtcDateTime;
            c.DeletedBy = actor.Name;
        }, ct);

    private async Task<bool> ChangeAsync(StudentScope scope, long id, int expectedVersion, Action<ParentContact> change, CancellationToken ct)
    {
        var c = await db.ParentContacts.FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        if (c is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == c.StudentId, ct))
        {
            return false;
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = expectedVersion;
        change(c);
        (c.UpdatedAt, c.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, actor.Name);
        await VersionedSave.SaveAsync(db, "This contact", ct);
        return true;
    }
}
