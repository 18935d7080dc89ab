using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Search;

/// <summary>
/// Finds students the viewer may see by what a member of staff types: names in any order ("Kaya Leila" finds Leila
/// Kaya), part of a name, a preferred name, or an identifier (student id, UPN, ULN). Every word must match; results are
/// the viewer's own students only, in name order.
/// </summary>
public sealed class SearchStudents(CaseloadDbContext db)
{
    /// <summary>The most results a search returns (the count says how many matched).</summary>
    public const int MaxResults = Domain.Limits.SearchResults;

    /// <summary>The longest search accepted, in characters.</summary>
    public const int MaxLength = Domain.Limits.SearchLength;

    public sealed record Hit(int Id, string Name, string ExternalId, string? TutorGroup, string Year, bool OnRoll, bool HasPhoto = false)
    {
        public string Initials => Domain.Student.InitialsOf(Name);
    }

    public sealed record Result(string Query, IReadOnlyList<Hit> Hits, int Matched);

    public async Task<Result> HandleAsync(StudentScope scope, string? query, CancellationToken ct = default)
    {
        var (q, words) = Words(query);
        if (words.Count == 0)
        {
            return new Result(q, [], 0);
        }
        var students = scope.Visible(db).AsNoTracking();
        foreach (var word in words)
        {
            students = students.Where(s => s.FirstName.ToLower().Contains(word) || s.LastName.ToLower().Contains(word)
                || (s.PreferredName != null && s.PreferredName.ToLower().Contains(word))
                || s.ExternalId.ToLower() == word || (s.Upn != null && s.Upn.ToLower() == word) || (s.Uln != null && s.Uln == word));
        }
        var hits = await students.OrderByDescending(s => s.OnRoll).ThenBy(s => s.LastName).ThenBy(s => s.FirstName).Take(MaxResults + 1)
            .Select(s => new Hit(s.Id, (s.PreferredName ?? s.FirstName) + " " + s.LastName, s.ExternalId,
                s.TutorGroup == null ? null : s.TutorGroup.Code, s.YearGroup!.Name, s.OnRoll, db.StudentPhotos.Any(p => p.StudentId == s.Id)))
            .ToListAsync(ct);
        var matched = hits.Count <= MaxResults ? hits.Count : await students.CountAsync(ct);
        return new Result(q, [.. hits.Take(MaxResults)], matched);
    }

    /// <summary>
    /// What was typed, trimmed, and its words in lower case (at most six, each once). Control characters (a NUL, an
    /// escape) separate words like spaces: nothing is stored, and none reaches the database. Shared with <see cref="SearchStaff"/>.
    /// </summary>
    internal static (string Query, List<string> Words) Words(string? query)
    {
        var q = new string([.. (query ?? "").Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (q.Length > MaxLength)
        {
            throw new ValidationException($"the search is {q.Length} characters long; expected at most {MaxLength}");
        }
        return (q, q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(6)
            .Select(w => w.ToLowerInvariant()).ToList());
    }
}
