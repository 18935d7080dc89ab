using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Letters;

/// <summary>A standard letter filled in for a student (pastoral viewers), to the parent or carer chosen (0, the default,
/// is the first with parental responsibility by priority; then the others), with their address; contacts marked "no
/// contact" are never offered. Null when the viewer does not see the student.</summary>
public sealed class RenderLetter(CaseloadDbContext db, TimeProvider clock)
{
    public sealed record Letter(string Key, string Name, string To, string Text, string Institution = "", string? Address = null, IReadOnlyList<Recipient>? Offered = null);

    /// <summary>A parent or carer a letter may go to, in the order offered.</summary>
    public sealed record Recipient(string Name, string Relationship, string? Address);

    public async Task<Letter?> HandleAsync(StudentScope scope, int studentId, string key, int contact, CancellationToken ct = default)
    {
        var s = await scope.Pastoral(db).AsNoTracking().Where(x => x.Id == studentId).Select(x => new
        {
            Name = (x.PreferredName ?? x.FirstName) + " " + x.LastName,
            First = x.PreferredName ?? x.FirstName,
            Group = x.TutorGroup == null ? null : x.TutorGroup.Code,
            Tutor = x.TutorGroup == null || x.TutorGroup.Tutor == null ? null : x.TutorGroup.Tutor.FirstName + " " + x.TutorGroup.Tutor.LastName,
            Year = x.YearGroup!.Name,
            Institution = db.Institutions.Where(i => i.Id == x.InstitutionId).Select(i => i.Name).First(),
            Attendance = db.StudentSummaries.Where(m => m.StudentId == x.Id).Select(m => new { m.YearPossible, YearAttended = m.YearPresent + m.YearApproved }).FirstOrDefault(),
            // Those with parental responsibility first, each in priority order: a letter goes to the first of them unless another is chosen.
            Contacts = x.Contacts.Where(c => !c.NoContact).OrderByDescending(c => c.ParentalResponsibility).ThenBy(c => c.Priority)
                .Select(c => new Recipient(c.Name, c.Relationship, c.Address)).ToList(),
        }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }
        var template = (await LetterTemplates.ForAsync(db, scope.Viewer.InstitutionId, ct)).FirstOrDefault(t => t.Key == key)
            ?? throw new ValidationException($"there is no letter '{key}'; expected one of {string.Join(", ", LetterTemplates.Defaults.Select(d => d.Key))}");
        var recipient = contact >= 0 && contact < s.Contacts.Count ? s.Contacts[contact] : null;
        var to = recipient?.Name ?? "Parent or carer";
        var sender = await db.Staff.Where(x => x.Id == scope.Viewer.StaffId).Select(x => x.FirstName + " " + x.LastName).FirstAsync(ct);
        var attendance = s.Attendance is { YearPossible: > 0 } a ? string.Create(CultureInfo.InvariantCulture, $"{100m * a.YearAttended / a.YearPossible:0.0}%") : "not yet known";
        var values = new Dictionary<string, string>
        {
            ["student_name"] = s.Name,
            ["student_first_name"] = s.First,
            ["parent_name"] = to,
            ["tutor_name"] = s.Tutor ?? "your child's tutor",
            ["tutor_group"] = s.Group ?? "",
            ["year_group"] = s.Year,
            ["attendance_year"] = attendance,
            ["date"] = clock.Today().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            ["institution"] = s.Institution,
            ["sender_name"] = sender,
        };
        return new Letter(template.Key, template.Name, to, LetterTemplates.PlaceholderPattern().Replace(template.Body, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value)), s.Institution,
            recipient?.Address, s.Contacts);
    }
}
