using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>Corrects a meeting's notes and the student's view against the version the caller saw; the previous text
/// stays in the audit log (before and after).</summary>
public sealed class CorrectOneToOne(OneToOneChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string notes, string? studentView, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, id, expectedVersion, m =>
        {
            m.Notes = FreeText.Required(notes, "notes of the meeting", 8000);
            m.StudentView = FreeText.Optional(studentView, "the student's view");
        }, ct);
}
