using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>The institution's list of reasons for a course change or withdrawal, each mapped to an ILR withdrawal reason
/// code: started from <see cref="ChangeReason.Defaults"/> the first time it is needed, then the institution's to extend
/// (<c>caseload course-changes reasons add</c>) and to retire (a retired reason stays on the changes that used it).</summary>
public sealed class ChangeReasons(CaseloadDbContext db)
{
    public const int MaxReasons = Limits.ChangeReasons;

    public async Task<IReadOnlyList<ChangeReason>> ListAsync(int institutionId, bool activeOnly, CancellationToken ct = default)
    {
        await EnsureAsync(institutionId, ct);
        return await db.ChangeReasons.AsNoTracking().Where(r => r.InstitutionId == institutionId && (!activeOnly || r.Active))
            .OrderBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<ChangeReason> AddAsync(int institutionId, string name, int ilrCode, CancellationToken ct = default)
    {
        var words = FreeText.Required(name, "the reason", ChangeReason.NameLength);
        if (ilrCode is < 1 or > 99)
        {
            throw new ValidationException($"ILR withdrawal reason code {ilrCode} is out of range; expected a code from 1 to 99 in the year's ILR specification (40 = transferred to another course here)");
        }
        await EnsureAsync(institutionId, ct);
        var existing = await db.ChangeReasons.Where(r => r.InstitutionId == institutionId).ToListAsync(ct);
        if (existing.FirstOrDefault(r => string.Equals(r.Name, words, StringComparison.OrdinalIgnoreCase)) is { } same)
        {
            if (same.Active && same.IlrCode == ilrCode)
            {
                return same;
            }
            same.Active = true;
            same.IlrCode = ilrCode;
            await db.SaveChangesAsync(ct);
            return same;
        }
        if (existing.Count >= MaxReasons)
        {
            throw new ValidationException($"the list already holds {existing.Count} reasons; expected at most {MaxReasons} (retire one first)");
        }
        var reason = db.ChangeReasons.Add(new ChangeReason { InstitutionId = institutionId, Name = words, IlrCode = ilrCode }).Entity;
        await db.SaveChangesAsync(ct);
        return reason;
    }

    /// <summary>Takes a reason off the list offered (changes that used it keep it).</summary>
    public async Task<bool> RetireAsync(int institutionId, string name, CancellationToken ct = default)
    {
        var reason = await db.ChangeReasons.FirstOrDefaultAsync(r => r.InstitutionId == institutionId && r.Name == name.Trim(), ct);
        if (reason is null)
        {
            return false;
        }
        reason.Active = false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task EnsureAsync(int institutionId, CancellationToken ct)
    {
        if (await db.ChangeReasons.AnyAsync(r => r.InstitutionId == institutionId, ct))
        {
            return;
        }
        db.ChangeReasons.AddRange(ChangeReason.Defaults.Select(d => new ChangeReason { InstitutionId = institutionId, Name = d.Name, IlrCode = d.Code }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.ChangeReasons.AsNoTracking().AnyAsync(r => r.InstitutionId == institutionId, ct))
            {
                throw;
            }
            // another request started the list first
        }
    }
}
