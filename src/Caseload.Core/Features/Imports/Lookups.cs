using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>Natural-key lookups shared by the import kinds.</summary>
internal static class Lookups
{
    public static Task<Dictionary<string, int>> StudentsAsync(CaseloadDbContext db, int institutionId, CancellationToken ct) =>
        db.Students.Where(s => s.InstitutionId == institutionId).Select(s => new { s.ExternalId, s.Id })
            .ToDictionaryAsync(s => s.ExternalId, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);

    public static Task<Dictionary<string, int>> StaffAsync(CaseloadDbContext db, int institutionId, CancellationToken ct) =>
        db.Staff.Where(s => s.InstitutionId == institutionId).Select(s => new { s.ExternalId, s.Id })
            .ToDictionaryAsync(s => s.ExternalId, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>The student named in a required column, or null after recording why not.</summary>
    public static int? Student(CsvImportReader r, int column, ImportProblems p, Dictionary<string, int> students)
    {
        if (!Fields.Required(r, column, p, out var value))
        {
            return null;
        }
        if (students.TryGetValue(value, out var id))
        {
            return id;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"student_id '{Fields.Shorten(value)}' is not a student of this institution; expected a student_id from the students import");
        return null;
    }
}
