using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>Application cycles: their names, deadlines and the centre's statement (section 1 of every UCAS reference
/// written in the cycle). Read by everyone who writes references; saved by ManageReferenceCycles.</summary>
public sealed class ReferenceCycles(ReferenceAccess access)
{
    public Task<List<ReferenceCycle>> ListAsync(Viewer viewer, CancellationToken ct = default) =>
        access.Db.ReferenceCycles.AsNoTracking().Where(c => c.InstitutionId == viewer.InstitutionId).OrderByDescending(c => c.MainDeadline).ToListAsync(ct);

    /// <summary>Adds a cycle (<paramref name="id"/> null) or changes one against the version seen.</summary>
    public async Task<ReferenceCycle> SaveAsync(Viewer viewer, int? id, int version, string name, DateOnly early, DateOnly main, string? statement, CancellationToken ct = default)
    {
        viewer.Demand(Operation.ManageReferenceCycles);
        var db = access.Db;
        var words = FreeText.Required(name, "the cycle's name (e.g. 2027 entry)", ReferenceCycle.NameLength);
        if (early >= main)
        {
            throw new ValidationException($"the early deadline {early:d MMMM yyyy} is not before the main one {main:d MMMM yyyy}; expected 15 October before the January date");
        }
        var today = access.Today;
        if (main < today.AddYears(-2) || main > today.AddYears(3))
        {
            throw new ValidationException($"the main deadline {main:d MMMM yyyy} is more than two years back or three ahead; expected a date near this cycle");
        }
        var text = FreeText.Optional(ReferenceAccess.Normalise(statement), "the centre's statement", Application.ReferenceLength);
        ReferenceCycle cycle;
        if (id is { } existing)
        {
            cycle = await db.ReferenceCycles.FirstOrDefaultAsync(c => c.Id == existing && c.InstitutionId == viewer.InstitutionId, ct) ?? throw new NotFoundException("the cycle");
            if (cycle.Version != version)
            {
                throw await VersionedSave.LostToAsync(db, "this cycle", cycle.UpdatedBy, cycle.UpdatedAt, ct);
            }
        }
        else
        {
            if (await db.ReferenceCycles.AnyAsync(c => c.InstitutionId == viewer.InstitutionId && c.Name == words, ct))
            {
                throw new ValidationException($"there is already a cycle called {words}; expected a new name");
            }
            cycle = db.ReferenceCycles.Add(new ReferenceCycle { InstitutionId = viewer.InstitutionId, Name = words }).Entity;
        }
        cycle.Name = words;
        cycle.EarlyDeadline = early;
        cycle.MainDeadline = main;
        cycle.CentreStatement = text;
        cycle.UpdatedAt = access.Now;
        cycle.UpdatedBy = $"staff:{viewer.StaffId}";
        await VersionedSave.SaveAsync(db, "this cycle", ct);
        return cycle;
    }
}
