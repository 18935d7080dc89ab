using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// Offers' conditions against results: the results are the grades imported (<c>caseload import grades</c>) at the cycle's
/// results data point — the first data point named "Results…" dated after the cycle's main deadline (decision 0022).
/// </summary>
public sealed class OfferCheck(DestinationAccess access)
{
    /// <summary>The data point whose grades are the cycle's results, if the institution has one yet.</summary>
    public async Task<DataPoint?> ResultsPointAsync(int institutionId, ReferenceCycle cycle, CancellationToken ct)
    {
        var points = await access.Db.DataPoints.AsNoTracking()
            .Where(d => d.InstitutionId == institutionId && d.Date > cycle.MainDeadline && d.Date <= cycle.MainDeadline.AddYears(1))
            .ToListAsync(ct);
        return points.Where(IsResults).OrderBy(d => d.Date).FirstOrDefault();
    }

    /// <summary>Whether a data point holds exam results: its name begins "Results".</summary>
    public static bool IsResults(DataPoint point) => point.Name.TrimStart().StartsWith("Results", StringComparison.OrdinalIgnoreCase);

    /// <summary>The verdict on each choice's conditions, with the words for each condition.</summary>
    public async Task<Dictionary<long, OfferConditions.Outcome>> EvaluateAsync(IReadOnlyCollection<(long ChoiceId, int StudentId)> choices, int? resultsPointId, CancellationToken ct)
    {
        if (choices.Count == 0)
        {
            return [];
        }
        var db = access.Db;
        var choiceIds = choices.Select(c => c.ChoiceId).ToList();
        var studentIds = choices.Select(c => c.StudentId).Distinct().ToList();
        var conditions = (await db.OfferConditions.AsNoTracking().Where(c => choiceIds.Contains(c.ChoiceId)).OrderBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ChoiceId);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => studentIds.Contains(e.StudentId) && e.Status == EnrolmentStatus.Active)
            .Select(e => new { e.Id, e.StudentId, e.CourseId, e.Course!.Name, e.Course.GradeScaleId }).ToListAsync(ct);
        var scaleIds = enrolments.Select(e => e.GradeScaleId).Distinct().ToList();
        var scales = (await db.Grades.AsNoTracking().Where(g => scaleIds.Contains(g.GradeScaleId)).ToListAsync(ct))
            .GroupBy(g => g.GradeScaleId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderByDescending(x => x.Rank).Select(x => x.Code)]);
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var results = resultsPointId is not { } point ? [] : await db.AssessmentGrades.AsNoTracking()
            .Where(g => g.DataPointId == point && enrolmentIds.Contains(g.EnrolmentId))
            .ToDictionaryAsync(g => g.EnrolmentId, g => g.Grade, ct);
        var coursesOf = enrolments.ToLookup(e => e.StudentId);
        var verdicts = new Dictionary<long, OfferConditions.Outcome>();
        foreach (var (choiceId, studentId) in choices)
        {
            var courses = coursesOf[studentId]
                .Select(e => new OfferConditions.Course(e.CourseId, e.Name, scales.GetValueOrDefault(e.GradeScaleId, []), results.GetValueOrDefault(e.Id)))
                .ToList();
            verdicts[choiceId] = OfferConditions.Evaluate([.. conditions[choiceId].Select(c => new OfferConditions.Condition(c.CourseId, c.Grade))], courses);
        }
        return verdicts;
    }

    /// <summary>An offer's grade conditions as the student would read them: "A in Mathematics, A, B".</summary>
    public static string Describe(IEnumerable<OfferCondition> conditions, IReadOnlyDictionary<int, string> courseNames)
    {
        var list = conditions.ToList();
        var named = list.Where(c => c.CourseId is not null).Select(c => $"{c.Grade} in {courseNames.GetValueOrDefault(c.CourseId!.Value, "a course")}");
        var any = list.Where(c => c.CourseId is null).Select(c => c.Grade).ToList();
        return string.Join(", ", named.Concat(any.Count == 0 ? [] : [string.Join("", any) + (named.Any() ? " in other subjects" : "")]));
    }
}
