using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Letters;

/// <summary>Saves a standard letter's wording (administrators: <see cref="Operation.EditLetters"/>), against the version
/// the editor saw; the first save over a default is version 1, so an editor still showing the default is stale.</summary>
public sealed class SaveLetterTemplate(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public async Task HandleAsync(Viewer viewer, string key, string name, string body, int expectedVersion, CancellationToken ct = default)
    {
        viewer.Demand(Operation.EditLetters);
        if (LetterTemplates.Defaults.All(d => d.Key != key))
        {
            throw new NotFoundException("that letter"); // the standard letters are a fixed set
        }
        LetterTemplates.Check(body);
        var t = await db.LetterTemplates.FirstOrDefaultAsync(x => x.InstitutionId == viewer.InstitutionId && x.Key == key, ct);
        var first = t is null;
        if (t is null)
        {
            db.LetterTemplates.Add(t = new LetterTemplate { InstitutionId = viewer.InstitutionId, Key = key, Name = "", Body = "", UpdatedBy = "", Version = 1 });
        }
        else
        {
            db.Entry(t).Property(x => x.Version).OriginalValue = expectedVersion;
        }
        (t.Name, t.Body, t.UpdatedAt, t.UpdatedBy) = (FreeText.Required(name, "the letter's name", 100), body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            clock.GetUtcNow().UtcDateTime, actor.Name);
        try
        {
            await VersionedSave.SaveAsync(db, "This template", ct);
        }
        catch (DbUpdateException) when (first)
        {
            // Two first saves at the same moment: the other one's row is there now, and this one lost the race.
            db.ChangeTracker.Clear();
            var winner = await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.InstitutionId == viewer.InstitutionId && x.Key == key, ct);
            if (winner is null)
            {
                throw;
            }
            throw await VersionedSave.LostToAsync(db, "This template", winner.UpdatedBy, winner.UpdatedAt, ct);
        }
    }
}
