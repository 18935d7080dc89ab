using Caseload.Core.Data;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Analytics;

/// <summary>
/// The nightly job (issue 16): brings every on-roll student's summary — attendance this year, this term and the last four
/// weeks, progress, the early-warning score — up to the new day for every institution, so the first person to open a
/// page in the morning does not pay for it. Students already current are left alone, so a second run does nothing.
/// </summary>
public sealed class BringSummariesUpToDate(CaseloadDbContext db, TimeProvider clock)
{
    public sealed record Result(int Institutions, int Students, TimeSpan Took);

    public async Task<Result> HandleAsync(CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = clock.Today();
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var students = 0;
        foreach (var institution in institutions)
        {
            var stale = await db.Students.AsNoTracking()
                .Where(s => s.InstitutionId == institution && s.OnRoll && !db.StudentSummaries.Any(x => x.StudentId == s.Id && x.AsOf == today))
                .Select(s => s.Id).ToListAsync(ct);
            if (stale.Count > 0)
            {
                await StudentSummaries.RecomputeAsync(db, institution, stale, today, clock.GetUtcNow().UtcDateTime, ct);
                students += stale.Count;
            }
        }
        return new Result(institutions.Count, students, watch.Elapsed);
    }

    /// <summary>When the job next runs: the next <paramref name="at"/> on the school's wall clock strictly after
    /// <paramref name="now"/> (local time), as a span to wait.</summary>
    public static TimeSpan UntilNext(DateTime now, TimeOnly at)
    {
        var next = DateOnly.FromDateTime(now).ToDateTime(at);
        if (next <= now)
        {
            next = next.AddDays(1);
        }
        return next - now;
    }
}
