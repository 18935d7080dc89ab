using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Cases;

/// <summary>Records a review of an open case: what it found; the next review moves on by the stage's interval.</summary>
public sealed class ReviewCase(CaseChanges changes)
{
    public Task<bool> HandleAsync(StudentScope scope, long caseId, int expectedVersion, string note, CancellationToken ct = default) =>
        changes.ChangeAsync(scope, caseId, expectedVersion, (c, stages) =>
        {
            CaseChanges.OpenOnly(c);
            var text = FreeText.Required(note, "what the review found");
            c.NextReview = changes.Today.AddDays(CaseStages.Of(stages, c.Stage).ReviewDays);
            return Task.FromResult(changes.Event(c.Id, CaseEventKind.Reviewed, $"Reviewed: {text} Next review {c.NextReview:d MMM yyyy}.", c.Stage, c.Stage));
        }, ct);
}
