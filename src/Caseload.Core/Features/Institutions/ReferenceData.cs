using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// An institution's small, rarely changing tables — attendance bands, academic years and terms, the code table, every
/// grade's rank, whether its early-warning weights were fitted, the intervention stages and the standard letters — loaded
/// once per <see cref="DataVersion"/> instead of by every page view. One query (the version) replaces six on a student's profile.
/// </summary>
public sealed class ReferenceData(CaseloadDbContext db, ReferenceData.Store store)
{
    /// <summary>How long reference data is kept before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed class Store : IDisposable
    {
        internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = 64 });

        public void Dispose() => Memory.Dispose();
    }

    public sealed record Term(string Name, DateOnly Start);

    public sealed record Year(string Name, DateOnly Start, IReadOnlyList<Term> Terms);

    public sealed record Institution(AttendanceBands Bands, IReadOnlyList<Year> Years, IReadOnlyDictionary<string, AttendanceCode> Codes,
        IReadOnlyDictionary<(int ScaleId, string Code), int> Ranks, bool FittedWeights = false)
    {
        /// <summary>The stages of the intervention procedure (read-only copies: change them through their use cases).</summary>
        public IReadOnlyList<InterventionStage> Stages { get; init; } = [];

        /// <summary>The standard letters, the institution's own wording where it has one (read-only copies).</summary>
        public IReadOnlyList<LetterTemplate> Letters { get; init; } = [];

        /// <summary>The academic year and term that contain <paramref name="today"/> (the latest that have begun).</summary>
        public (Year? Year, Term? Term) At(DateOnly today)
        {
            var year = Years.Where(y => y.Start <= today).MaxBy(y => y.Start);
            return (year, year?.Terms.Where(t => t.Start <= today).MaxBy(t => t.Start));
        }
    }

    private sealed record Key(int InstitutionId, long Version);

    public async Task<Institution> ForAsync(int institutionId, CancellationToken ct = default)
    {
        var key = new Key(institutionId, await DataVersion.ReadAsync(db, ct));
        if (store.Memory.TryGetValue(key, out Institution? cached) && cached is not null)
        {
            return cached;
        }
        var bands = await Features.Institutions.SetAttendanceBands.ReadAsync(db, institutionId, ct);
        var years = await db.AcademicYears.AsNoTracking().Include(y => y.Terms).Where(y => y.InstitutionId == institutionId).ToListAsync(ct);
        var codes = await db.AttendanceCodes.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToDictionaryAsync(c => c.Code, ct);
        var ranks = await db.Grades.AsNoTracking().Select(g => new { g.GradeScaleId, g.Code, g.Rank }).ToListAsync(ct);
        var weights = Rules.RiskWeights.FromStored(await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.RiskWeights).FirstOrDefaultAsync(ct));
        var loaded = new Institution(bands,
            [.. years.Select(y => new Year(y.Name, y.StartDate, [.. y.Terms.OrderBy(t => t.StartDate).Select(t => new Term(t.Name, t.StartDate))]))],
            codes, ranks.ToDictionary(r => (r.GradeScaleId, r.Code), r => r.Rank), weights.IsFitted)
        {
            Stages = await Cases.CaseStages.ForAsync(db, institutionId, ct),
            Letters = await Letters.LetterTemplates.ForAsync(db, institutionId, ct),
        };
        store.Memory.Set(key, loaded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return loaded;
    }
}
