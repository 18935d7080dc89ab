using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Search;

/// <summary>
/// Finds members of staff of the viewer's institution for an administrator (who holds accounts, roles and cover): names
/// in any order, part of a name, an e-mail address or a staff id. Every word must match; those still here first.
/// </summary>
public sealed class SearchStaff(CaseloadDbContext db)
{
    public sealed record Hit(int Id, string Name, string ExternalId, string Email, IReadOnlyList<string> Roles, bool Here, DateOnly? LeftOn, bool HasAccount);

    public sealed record Result(IReadOnlyList<Hit> Hits, int Matched);

    public async Task<Result> HandleAsync(Viewer viewer, string? query, CancellationToken ct = default)
    {
        viewer.Demand(Operation.SearchStaff);
        var (_, words) = SearchStudents.Words(query);
        if (words.Count == 0)
        {
            return new Result([], 0);
        }
        var staff = db.Staff.AsNoTracking().Where(s => s.InstitutionId == viewer.InstitutionId);
        foreach (var word in words)
        {
            staff = staff.Where(s => s.FirstName.ToLower().Contains(word) || s.LastName.ToLower().Contains(word)
                || s.Email.Contains(word) || s.ExternalId.ToLower() == word);
        }
        var hits = await staff.OrderByDescending(s => s.Active).ThenBy(s => s.LastName).ThenBy(s => s.FirstName).Take(Domain.Limits.SearchResults + 1)
            .Select(s => new
            {
                s.Id,
                Name = s.FirstName + " " + s.LastName,
                s.ExternalId,
                s.Email,
                Roles = s.Roles.Select(r => r.Role).ToList(),
                s.Active,
                s.LeftOn,
                Account = db.Users.Any(u => u.StaffId == s.Id),
            })
            .ToListAsync(ct);
        var matched = hits.Count <= Domain.Limits.SearchResults ? hits.Count : await staff.CountAsync(ct);
        return new Result([.. hits.Take(Domain.Limits.SearchResults).Select(h => new Hit(h.Id, h.Name, h.ExternalId, h.Email, [.. h.Roles.Order(StringComparer.Ordinal)], h.Active, h.LeftOn, h.Account))], matched);
    }
}
