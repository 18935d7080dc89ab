using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>Logs a contact with a student's parents or carers (a call, e-mail, letter, meeting, parents' evening or text;
/// positive contact home as its own kind). Only staff with the student's pastoral record.</summary>
public sealed class LogParentContact(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public sealed record Request(int StudentId, ContactMethod Method, bool Positive, string With, DateOnly On, string Summary, string? Outcome);

    /// <returns>The contact, or null when the viewer may not see the student.</returns>
    public async Task<ParentContact?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
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
        if (request.On < today.AddDays(-Limits.ParentContactAgeDays))
        {
            throw new ValidationException($"the contact's date {request.On:d MMM yyyy} is more than {Limits.ParentContactAgeDays} days ago; expected a date since {today.AddDays(-Limits.ParentContactAgeDays):d MMM yyyy}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new ParentContact
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Method = request.Method,
            Positive = request.Positive,
            With = FreeText.Required(request.With, "who was contacted", 200),
            On = request.On,
            Summary = FreeText.Required(request.Summary, "what was said"),
            Outcome = FreeText.Optional(request.Outcome, "the outcome", 2000),
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
}
