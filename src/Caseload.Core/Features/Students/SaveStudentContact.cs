using System.Net.Mail;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Students;

/// <summary>
/// Adds, changes or removes a student's parent or carer on the profile (staff with the student's pastoral record).
/// Changes are saved against the version the person saw. A contact the MIS holds is changed here until the next
/// contacts import replaces it; one added here stays through imports (<see cref="StudentContact.EnteredHere"/>).
/// </summary>
public sealed class SaveStudentContact(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public sealed record Request(int StudentId, string Name, string Relationship, bool ParentalResponsibility, string? Phone, string? Email,
        string? Address, string? Postcode, bool LivesWithStudent, string? PreferredMethod, bool NoContact);

    /// <returns>The contact saved, or null when the viewer may not see the student's pastoral record (or the contact is not theirs).</returns>
    public async Task<StudentContact?> HandleAsync(StudentScope scope, Request request, int? contactId = null, int? expectedVersion = null, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == request.StudentId, ct))
        {
            return null;
        }
        var held = await db.StudentContacts.Where(c => c.StudentId == request.StudentId).OrderBy(c => c.Priority).ToListAsync(ct);
        StudentContact? contact;
        if (contactId is { } id)
        {
            contact = held.FirstOrDefault(c => c.Id == id);
            if (contact is null)
            {
                return null;
            }
            db.Entry(contact).Property(c => c.Version).OriginalValue = expectedVersion ?? -1;
        }
        else
        {
            if (held.Count(c => c.EnteredHere) >= Limits.ContactsPerStudent)
            {
                throw new ValidationException($"this student already has {Limits.ContactsPerStudent} parents or carers entered here, the most allowed; remove one first");
            }
            contact = new StudentContact { StudentId = request.StudentId, Name = "", Relationship = "", EnteredHere = true, Priority = held.Count == 0 ? 1 : held.Max(c => c.Priority) + 1 };
            db.StudentContacts.Add(contact);
        }
        var name = FreeText.Required(request.Name, "the name", 200);
        if (held.Any(c => c != contact && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationException($"{name} is already one of this student's parents or carers; change that one instead");
        }
        var email = FreeText.Optional(request.Email, "the e-mail address", 254);
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            throw new ValidationException($"'{email}' is not an e-mail address; expected something like name@example.com, or nothing");
        }
        var method = string.IsNullOrWhiteSpace(request.PreferredMethod) ? null : request.PreferredMethod.Trim().ToLowerInvariant();
        if (method is not null && !StudentContact.Methods.Contains(method))
        {
            throw new ValidationException($"'{method}' is not a way of contacting; expected {string.Join(", ", StudentContact.Methods)} or nothing");
        }
        var address = ContactAddress.Normalise(request.Address, FreeText.Optional(request.Postcode, "the postcode", 10));
        if (address is { Length: > ContactAddress.MaxLength })
        {
            throw new ValidationException($"the address is {address.Length} characters; expected at most {ContactAddress.MaxLength}");
        }
        contact.Name = name;
        contact.Relationship = FreeText.Required(request.Relationship, "the relationship (mother, foster carer…)", 64);
        contact.ParentalResponsibility = request.ParentalResponsibility;
        contact.Phone = FreeText.Optional(request.Phone, "the phone number", 32);
        contact.Email = email;
        contact.Address = address;
        contact.LivesWithStudent = request.LivesWithStudent;
        contact.PreferredMethod = method;
        contact.NoContact = request.NoContact;
        (contact.UpdatedAt, contact.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, actor.Name);
        await VersionedSave.SaveAsync(db, $"{name}'s details", ct);
        return contact;
    }

    /// <summary>Removes a contact (saved against the version seen); false when the viewer may not, or it is not there.</summary>
    public async Task<bool> RemoveAsync(StudentScope scope, int studentId, int contactId, int expectedVersion, CancellationToken ct = default)
    {
        var contact = await db.StudentContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.StudentId == studentId, ct);
        if (contact is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        db.Entry(contact).Property(c => c.Version).OriginalValue = expectedVersion;
        db.StudentContacts.Remove(contact);
        await VersionedSave.SaveAsync(db, $"{contact.Name}'s details", ct);
        return true;
    }
}
