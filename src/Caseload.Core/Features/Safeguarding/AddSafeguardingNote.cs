using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>The safeguarding team adds a note to a child's chronology (a call, a meeting, history from a previous
/// school), dated when it happened, about one concern or the child generally.</summary>
public sealed class AddSafeguardingNote(ReferralAccess access, TimeProvider clock)
{
    /// <returns>False when the viewer is not in the safeguarding team, or the student or concern is not theirs to see.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, int studentId, long? referralId, DateOnly? occurredOn, string? text, CancellationToken ct = default)
    {
        if (!scope.Viewer.May(Operation.ReadSafeguarding))
        {
            return false;
        }
        var db = access.Db;
        var institution = scope.Viewer.InstitutionId;
        if (!await access.SafeguardingStudents(scope.Viewer).ContainsAsync(studentId, ct))
        {
            return false;
        }
        if (referralId is { } id && !await access.Readable(scope).AnyAsync(r => r.Id == id && r.Restricted && r.StudentId == studentId, ct))
        {
            return false;
        }
        var today = clock.Today();
        var on = occurredOn ?? today;
        if (on > today)
        {
            throw new ValidationException($"the date ({on:d MMMM yyyy}) is in the future; expected today or before");
        }
        if (on.Year < 1990)
        {
            throw new ValidationException($"the date ({on:d MMMM yyyy}) is before 1990; expected a date in the child's life");
        }
        db.SafeguardingEntries.Add(new SafeguardingEntry
        {
            InstitutionId = institution,
            StudentId = studentId,
            ReferralId = referralId,
            Kind = SafeguardingEntryKind.Note,
            OccurredOn = on,
            RecordedAt = access.Now,
            RecordedByStaffId = scope.Viewer.StaffId,
            Text = FreeText.Required(text, "the note"),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
