using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// A custom grade scale an administrator defines (an institution's own vocational scale, an internal 1–5 scale): its
/// grades best first, each optionally with points. Grades then compare on it like on any other scale.
/// </summary>
public sealed class AddGradeScale(CaseloadDbContext db)
{
    public sealed record Request(int InstitutionId, string Code, string Name, IReadOnlyList<string> Grades, IReadOnlyList<decimal>? Points = null);

    public async Task<GradeScale> HandleAsync(Request request, CancellationToken ct = default)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (code.Length is 0 or > 32 || request.Name.Trim().Length is 0 or > 100)
        {
            throw new ValidationException("the scale needs a code of 1–32 characters and a name of 1–100 characters");
        }
        var grades = request.Grades.Select(g => g.Trim()).ToList();
        if (grades.Count < 2)
        {
            throw new ValidationException($"a scale needs at least 2 grades, best first (got {grades.Count}); for example --grades \"D*,D,M,P,U\"");
        }
        if (grades.FirstOrDefault(g => g.Length is 0 or > 16) is { } bad)
        {
            throw new ValidationException($"grade '{bad}' must be 1–16 characters");
        }
        if (grades.GroupBy(g => g, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ValidationException($"grade '{twice.Key}' appears twice; expected each grade once, best first");
        }
        if (request.Points is { } points && points.Count != grades.Count)
        {
            throw new ValidationException($"there are {grades.Count} grades but {points.Count} points; expected one points value per grade");
        }
        if (await db.GradeScales.AnyAsync(s => s.InstitutionId == request.InstitutionId && s.Code == code, ct))
        {
            throw new ValidationException($"there is already a grade scale '{code}'; expected a new code");
        }
        var scale = new GradeScale
        {
            InstitutionId = request.InstitutionId,
            Code = code,
            Name = request.Name.Trim(),
            Grades = [.. grades.Select((g, i) => new Grade { Code = g, Rank = grades.Count - 1 - i, Points = request.Points?[i] })],
        };
        db.GradeScales.Add(scale);
        await db.SaveChangesAsync(ct);
        return scale;
    }
}
