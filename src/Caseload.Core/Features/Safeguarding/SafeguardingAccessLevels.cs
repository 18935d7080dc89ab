using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The designated safeguarding lead names deputies and trusted staff, each optionally limited to some categories and
/// some year groups (decision 0015). Everyone else can only report. Holding a level requires two-factor sign-in; each
/// change is audited with its before and after.
/// </summary>
public sealed class SafeguardingAccessLevels(CaseloadDbContext db, SafeguardingCategories categories, TimeProvider clock)
{
    public sealed record Holder(int StaffId, string Name, string Email, SafeguardingLevel Level, IReadOnlyList<string>? Categories, IReadOnlyList<string>? YearGroups,
        IReadOnlyList<int>? YearGroupIds, string? GrantedBy, DateTime? GrantedAt, bool TwoFactor, int Version);

    /// <summary>Everyone above reporting: the leads (from the MIS role) first, then deputies and trusted staff by name.</summary>
    /// <returns>Null for anyone but the lead.</returns>
    public async Task<IReadOnlyList<Holder>?> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return null;
        }
        var years = await db.YearGroups.AsNoTracking().Where(y => y.InstitutionId == viewer.InstitutionId).ToDictionaryAsync(y => y.Id, y => y.Name, ct);
        var twoFactor = db.Users.Where(u => u.TwoFactorEnabled).Select(u => u.StaffId);
        var leads = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == viewer.InstitutionId && s.Active && s.Roles.Any(r => r.Role == Roles.SafeguardingLead))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new Holder(s.Id, s.FirstName + " " + s.LastName, s.Email, SafeguardingLevel.Lead, null, null, null, null, null, twoFactor.Contains(s.Id), 0))
            .ToListAsync(ct);
        var granted = await db.SafeguardingAccess.AsNoTracking().Where(g => g.InstitutionId == viewer.InstitutionId)
            .Join(db.Staff, g => g.StaffId, s => s.Id, (g, s) => new { g, s })
            .Where(x => !x.s.Roles.Any(r => r.Role == Roles.SafeguardingLead))
            .OrderByDescending(x => x.g.Level == SafeguardingLevel.Deputy).ThenBy(x => x.s.LastName).ThenBy(x => x.s.FirstName)
            .Select(x => new
            {
                x.g,
                Name = x.s.FirstName + " " + x.s.LastName,
                x.s.Email,
                By = db.Staff.Where(b => b.Id == x.g.GrantedByStaffId).Select(b => b.FirstName + " " + b.LastName).First(),
                TwoFactor = twoFactor.Contains(x.s.Id),
            })
            .ToListAsync(ct);
        return [.. leads, .. granted.Select(x => new Holder(x.g.StaffId, x.Name, x.Email, x.g.Level, x.g.CategoryList,
            x.g.YearGroupList?.Select(id => years.GetValueOrDefault(id, "(a year group no longer imported)")).ToList(), x.g.YearGroupList, x.By, x.g.GrantedAt, x.TwoFactor, x.g.Version))];
    }

    /// <param name="Categories">Null or empty: every category.</param>
    /// <param name="YearGroupIds">Null or empty: every year group.</param>
    /// <param name="ExpectedVersion">The version of the level the lead saw; null when giving a level to someone without one.</param>
    public sealed record Request(int StaffId, SafeguardingLevel Level, IReadOnlyList<string>? Categories, IReadOnlyList<int>? YearGroupIds, int? ExpectedVersion);

    /// <summary>Gives or changes a member of staff's level.</summary>
    /// <returns>False for anyone but the lead.</returns>
    public async Task<bool> GrantAsync(Viewer viewer, Request request, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return false;
        }
        if (request.Level is not (SafeguardingLevel.Deputy or SafeguardingLevel.Trusted))
        {
            throw new ValidationException($"'{request.Level}' cannot be given here; expected deputy or trusted (the lead is the MIS role safeguarding-lead; everyone can report)");
        }
        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == request.StaffId && s.InstitutionId == viewer.InstitutionId)
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, s.Active, s.LeftOn, Lead = s.Roles.Any(r => r.Role == Roles.SafeguardingLead) })
            .FirstOrDefaultAsync(ct) ?? throw new ValidationException("choose a member of staff of this institution");
        var today = clock.Today();
        if (!staff.Active || staff.LeftOn is { } left && left < today)
        {
            throw new ValidationException($"{staff.Name} has left; choose someone who is still here");
        }
        if (staff.Lead)
        {
            throw new ValidationException($"{staff.Name} is a designated safeguarding lead already (their MIS role)");
        }
        var chosenCategories = await CategoriesAsync(viewer.InstitutionId, request.Categories, ct);
        var chosenYears = await YearGroupsAsync(viewer.InstitutionId, request.YearGroupIds, ct);
        var grant = await db.SafeguardingAccess.FirstOrDefaultAsync(g => g.StaffId == staff.Id && g.InstitutionId == viewer.InstitutionId, ct);
        if (grant is null)
        {
            if (request.ExpectedVersion is not null)
            {
                throw new ConcurrencyException($"{staff.Name}'s safeguarding access");
            }
            grant = new SafeguardingAccessGrant { InstitutionId = viewer.InstitutionId, StaffId = staff.Id };
            db.SafeguardingAccess.Add(grant);
        }
        else
        {
            if (request.ExpectedVersion is not { } version)
            {
                throw new ConcurrencyException($"{staff.Name}'s safeguarding access");
            }
            db.Entry(grant).Property(x => x.Version).OriginalValue = version;
        }
        grant.Level = request.Level;
        grant.Categories = chosenCategories is null ? null : string.Join('\n', chosenCategories);
        grant.YearGroupIds = chosenYears is null ? null : string.Join(',', chosenYears.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grant.GrantedByStaffId = viewer.StaffId;
        grant.GrantedAt = clock.GetUtcNow().UtcDateTime;
        await VersionedSave.SaveAsync(db, $"{staff.Name}'s safeguarding access", ct);
        return true;
    }

    /// <summary>Takes a member of staff's level away: they can report again, nothing more.</summary>
    /// <returns>False for anyone but the lead, or when they hold no level to remove.</returns>
    public async Task<bool> RemoveAsync(Viewer viewer, int staffId, int expectedVersion, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return false;
        }
        var grant = await db.SafeguardingAccess.FirstOrDefaultAsync(g => g.StaffId == staffId && g.InstitutionId == viewer.InstitutionId, ct);
        if (grant is null)
        {
            return false;
        }
        db.Entry(grant).Property(x => x.Version).OriginalValue = expectedVersion;
        db.SafeguardingAccess.Remove(grant);
        await VersionedSave.SaveAsync(db, "This member of staff's safeguarding access", ct);
        return true;
    }

    /// <summary>Members of staff who may be given a level: this institution's, here, not leads; by surname.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CandidatesAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return [];
        }
        var today = clock.Today();
        var rows = await db.Staff.AsNoTracking()
            .Where(s => s.InstitutionId == viewer.InstitutionId && s.Active && (s.LeftOn == null || s.LeftOn >= today) && !s.Roles.Any(r => r.Role == Roles.SafeguardingLead))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.LastName + ", " + s.FirstName + " (" + s.Email + ")" }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>The institution's year groups a level can be limited to, in order.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> YearGroupOptionsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.ManageSafeguardingAccess))
        {
            return [];
        }
        var rows = await db.YearGroups.AsNoTracking().Where(y => y.InstitutionId == viewer.InstitutionId).OrderBy(y => y.Code.Length).ThenBy(y => y.Code)
            .Select(y => new { y.Id, y.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    private async Task<IReadOnlyList<string>?> CategoriesAsync(int institution, IReadOnlyList<string>? chosen, CancellationToken ct)
    {
        if (chosen is null || chosen.Count == 0)
        {
            return null;
        }
        var list = await categories.ForAsync(institution, ct);
        var unknown = chosen.FirstOrDefault(c => !list.Contains(c, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ValidationException($"'{FreeText.Short(unknown)}' is not one of this institution's safeguarding categories; expected one of {string.Join(", ", list)}");
        }
        return [.. chosen.Distinct(StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<int>?> YearGroupsAsync(int institution, IReadOnlyList<int>? chosen, CancellationToken ct)
    {
        if (chosen is null || chosen.Count == 0)
        {
            return null;
        }
        var ids = chosen.Distinct().ToList();
        var known = await db.YearGroups.AsNoTracking().Where(y => y.InstitutionId == institution && ids.Contains(y.Id)).Select(y => y.Id).ToListAsync(ct);
        if (known.Count != ids.Count)
        {
            throw new ValidationException("a chosen year group is not one of this institution's; choose from the list");
        }
        return [.. ids.Order()];
    }
}
