using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>Corrects a contact's summary and outcome against the version the caller saw; the previous text stays in the audit log.</summary>
public sealed class CorrectParentContact(ParentContactChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long id, int expectedVersion, string summary, string? outcome, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, id, expectedVersion, c =>
        {
            c.Summary = FreeText.Required(summary, "what was said");
            c.Outcome = FreeText.Optional(outcome, "the outcome", 2000);
        }, ct);
}
