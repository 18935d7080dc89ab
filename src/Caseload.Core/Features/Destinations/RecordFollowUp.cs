using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>A results-day follow-up: who spoke to the student and what came of it (confirmed anyway, insurance, clearing,
/// applying again, an apprenticeship or job instead). Follow-ups are added, never overwritten: the list is the history.</summary>
public sealed class RecordFollowUp(DestinationAccess access)
{
    public async Task<ResultsFollowUp> HandleAsync(StudentScope scope, long applicationId, FollowUpOutcome outcome, string? note, CancellationToken ct = default)
    {
        var application = await access.ApplicationAsync(scope, applicationId, ct);
        if (!Enum.IsDefined(outcome))
        {
            throw new ValidationException("choose what came of it: spoken to, firm confirmed, insurance place, clearing, applying again, apprenticeship or work, or other");
        }
        var text = FreeText.Optional(note, "the note", ResultsFollowUp.NoteLength);
        if (outcome is FollowUpOutcome.Other or FollowUpOutcome.Contacted && text is null)
        {
            throw new ValidationException("write a note saying what was agreed");
        }
        var count = await access.Db.ResultsFollowUps.CountAsync(f => f.ApplicationId == application.Id, ct);
        if (count >= ResultsFollowUp.MaxPerApplication)
        {
            throw new ValidationException($"the application has {count} follow-ups; expected at most {ResultsFollowUp.MaxPerApplication}");
        }
        var followUp = new ResultsFollowUp { ApplicationId = application.Id, Outcome = outcome, Note = text, StaffId = scope.Viewer.StaffId, At = access.Now };
        access.Db.ResultsFollowUps.Add(followUp);
        await access.Db.SaveChangesAsync(ct);
        return followUp;
    }
}
