using Caseload.Core.Domain;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Letters;

/// <summary>Logs a letter as sent: a contact home of kind letter, holding the letter's text.</summary>
public sealed class LogLetterSent(RenderLetter render, LogParentContact log, TimeProvider clock)
{
    public async Task<ParentContact?> HandleAsync(StudentScope scope, int studentId, string key, int contact, CancellationToken ct = default)
    {
        if (await render.HandleAsync(scope, studentId, key, contact, ct) is not { } letter)
        {
            return null;
        }
        var text = $"Letter sent: {letter.Name}.\n\n{letter.Text}";
        return await log.HandleAsync(scope, new LogParentContact.Request(studentId, ContactMethod.Letter, key == "positive", letter.To,
            clock.Today(), text.Length > FreeText.Long ? text[..(FreeText.Long - 1)] + "…" : text, null), ct);
    }
}
