using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Shared;

/// <summary>
/// Someone else saved the record after the caller read it: the caller's change was not saved. Carries who and when
/// when the record keeps them, so a page can say so and show the latest version.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string what, string changedBy, DateTime changedAt)
        : base($"{what} was changed by {changedBy} at {changedAt:HH:mm} on {changedAt:d MMM} after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed")
    {
        (ChangedBy, ChangedAt) = (changedBy, changedAt);
    }

    /// <summary>For records that do not keep who changed them last (a referral's status, an action plan's target).</summary>
    public ConcurrencyException(string what)
        : base($"{what} was changed by someone else after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed")
    {
    }

    public string? ChangedBy { get; }
    public DateTime? ChangedAt { get; }
}

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
