using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// The staff who may lead a year group or head a house: active members of staff holding the progress-leader role (a Head
/// of Year or Head of House is a progress leader in Caseload's words). Naming anyone else is refused with where, so a
/// leader never silently sees nobody.
/// </summary>
internal static class Leaders
{
    public sealed record Candidate(int Id, bool Active, bool Leads);

    public static Task<Dictionary<string, Candidate>> ForAsync(CaseloadDbContext db, int institutionId, CancellationToken ct) =>
        db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.ExternalId, s.Id, s.Active, Leads = db.StaffRoles.Any(r => r.StaffId == s.Id && r.Role == Roles.ProgressLeader) })
            .ToDictionaryAsync(s => s.ExternalId, s => new Candidate(s.Id, s.Active, s.Leads), StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>The leader named in an optional column (null when empty: nobody leads it), or null after saying why not.</summary>
    public static int? Read(CsvImportReader r, int column, ImportProblems p, Dictionary<string, Candidate> staff)
    {
        var value = r[column];
        if (value.Length == 0)
        {
            return null;
        }
        return Check(r, column, value, p, staff);
    }

    /// <summary>One staff id from a column (which may hold several), or null after saying why it cannot lead.</summary>
    public static int? Check(CsvImportReader r, int column, string value, ImportProblems p, Dictionary<string, Candidate> staff)
    {
        var name = r.Schema.Columns[column];
        string? why = !staff.TryGetValue(value, out var c) ? "is not a member of staff; expected a staff_id from the staff import (import staff first)"
            : !c.Active ? "has left; expected a member of staff who is still here"
            : !c.Leads ? "does not hold the progress-leader role; give them the role in the staff import's roles column first"
            : null;
        if (why is null)
        {
            return c!.Id;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{name} '{Fields.Shorten(value)}' {why}");
        return null;
    }
}
