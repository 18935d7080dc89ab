using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Data;

/// <summary>
/// Saves changes made against the version the caller saw (<see cref="Domain.IVersioned"/>). A lost race clears the
/// context and becomes a <see cref="ConcurrencyException"/> saying who changed the record and when — read from the
/// database's current row when it keeps <c>UpdatedBy</c>/<c>UpdatedAt</c> ("staff:12" shown as the person's name).
/// </summary>
public static class VersionedSave
{
    public static async Task SaveAsync(CaseloadDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var entry = e.Entries.FirstOrDefault();
            var current = entry is null || entry.Metadata.FindProperty("UpdatedBy") is null || entry.Metadata.FindProperty("UpdatedAt") is null
                ? null : await entry.GetDatabaseValuesAsync(ct);
            db.ChangeTracker.Clear();
            if (current is null)
            {
                throw new ConcurrencyException(what);
            }
            throw await LostToAsync(db, what, current.GetValue<string>("UpdatedBy"), current.GetValue<DateTime>("UpdatedAt"), ct);
        }
    }

    /// <summary>The refusal for a change that lost to one saved by <paramref name="by"/> ("staff:12" shown as the person's name).</summary>
    public static async Task<ConcurrencyException> LostToAsync(CaseloadDbContext db, string what, string by, DateTime at, CancellationToken ct)
    {
        var who = by.StartsWith("staff:", StringComparison.Ordinal) && int.TryParse(by.AsSpan(6), out var staffId)
            ? await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync(ct) ?? by
            : by;
        return new ConcurrencyException(what, who, at);
    }
}
