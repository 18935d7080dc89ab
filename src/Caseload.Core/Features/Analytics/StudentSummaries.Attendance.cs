using System.Text.Json;
using System.Text.Json.Serialization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Analytics;

public static partial class StudentSummaries
{
    /// <summary>
    /// After a register import: moves each changed student's summary by what their weeks moved (<paramref name="deltas"/>,
    /// from <see cref="IAttendanceStore.MergeAsync"/>) and rescores it from the inputs stored with it, so a day's marks for
    /// the whole institution reads no grades, behaviour, casework or indicators and no week it did not change. Summaries
    /// missing, from another day or stored before their inputs were kept are computed from scratch instead
    /// (<see cref="RecomputeAsync"/>). The result equals a recompute from scratch (a test holds it to that). Runs in the
    /// caller's transaction. Returns how many summaries it wrote.
    /// </summary>
    public static async Task<int> ApplyAttendanceAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<WeekDelta> deltas, DateOnly today, DateTime now,
        CancellationToken ct = default, IDictionary<string, double>? timings = null)
    {
        if (deltas.Count == 0)
        {
            return 0;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var changed = new Dictionary<int, List<WeekDelta>>();
        foreach (var delta in deltas)
        {
            (changed.TryGetValue(delta.StudentId, out var list) ? list : changed[delta.StudentId] = []).Add(delta);
        }
        var (yearStart, termStart, recentStart, previousStart) = await WindowsAsync(db, institutionId, today, ct);
        var weights = await WeightsAsync(db, institutionId, ct);
        var ids = changed.Keys.ToList();
        var onRoll = db.Students.Where(s => s.InstitutionId == institutionId && s.OnRoll).Select(s => s.Id);
        // Thousands of ids in a query cost more than reading the institution's and keeping the ones asked for.
        var many = ids.Count > 500;
        var current = db.StudentSummaries.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.AsOf == today && s.RiskInputs != "" && onRoll.Contains(s.StudentId));
        var summaries = many
            ? [.. (await current.ToListAsync(ct)).Where(s => changed.ContainsKey(s.StudentId))]
            : await current.Where(s => ids.Contains(s.StudentId)).ToListAsync(ct);
        var overdue = await OverdueAsync(db, many ? onRoll : onRoll.Where(id => ids.Contains(id)), yearStart, today, ct);
        timings?.Add("summaries: read", watch.Elapsed.TotalMilliseconds);
        watch.Restart();

        // Each student's sums and score stand alone: spread over the cores (reading the stored inputs and scoring is
        // most of this step's time).
        Parallel.ForEach(summaries, new ParallelOptions { CancellationToken = ct }, s =>
        {
            foreach (var d in changed[s.StudentId])
            {
                if (d.WeekStart < yearStart || d.WeekStart > today)
                {
                    continue;
                }
                s.YearPossible += d.Possible;
                s.YearPresent += d.Present;
                s.YearApproved += d.ApprovedActivity;
                s.YearAuthorised += d.AuthorisedAbsence;
                s.YearUnauthorised += d.UnauthorisedAbsence;
                s.YearLates += d.Lates;
                s.YearLatesAfterClose += d.LatesAfterClose;
                s.YearMinutesLate += d.MinutesLate;
                if (d.WeekStart >= termStart)
                {
                    s.TermPossible += d.Possible;
                    s.TermPresent += d.Present;
                    s.TermApproved += d.ApprovedActivity;
                    s.TermAuthorised += d.AuthorisedAbsence;
                    s.TermUnauthorised += d.UnauthorisedAbsence;
                    s.TermLates += d.Lates;
                    s.TermLatesAfterClose += d.LatesAfterClose;
                    s.TermMinutesLate += d.MinutesLate;
                }
                if (d.WeekStart >= recentStart)
                {
                    s.RecentPossible += d.Possible;
                    s.RecentAttended += d.Present + d.ApprovedActivity;
                }
                else if (d.WeekStart >= previousStart)
                {
                    s.PreviousPossible += d.Possible;
                    s.PreviousAttended += d.Present + d.ApprovedActivity;
                }
            }
            s.AttendanceTrend = Trend(s.RecentPossible, s.RecentAttended, s.PreviousPossible, s.PreviousAttended);
            var due = overdue.GetValueOrDefault(s.StudentId);
            (s.ReasonsOverdue, s.OldestReasonOverdue) = (due?.Count ?? 0, due?.Oldest);
            var risk = RiskScore.Assess(StoredInputs.Read(s.RiskInputs).With(s, Year(s), Term(s)), weights);
            s.RiskScore = risk.Score;
            s.RiskPoints = risk.Points;
            s.RiskReasons = string.Join("\n", risk.Factors.Select(f => f.Words));
            s.ComputedAt = now;
        });
        timings?.Add("summaries: score", watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await WriteAsync(db, institutionId, summaries, replaceAll: false, ct, timings);
        var written = summaries.Count;
        if (summaries.Count < ids.Count)
        {
            var done = summaries.Select(s => s.StudentId).ToHashSet();
            written += await RecomputeAsync(db, institutionId, [.. ids.Where(id => !done.Contains(id))], today, now, ct);
            timings?.Add("summaries: from scratch", watch.Elapsed.TotalMilliseconds);
        }
        return written;
    }

    /// <summary>A summary's score inputs other than attendance (<see cref="StudentSummary.RiskInputs"/>), as stored.</summary>
    internal sealed record StoredInputs(IReadOnlyList<CourseMargin> Margins, int GradesFallen, int SubjectsDropped, string? DroppedSubject,
        IReadOnlyList<string> Flags, decimal? PriorAttainment, int CaseStage, int OpenReferrals, IReadOnlyList<IndicatorReading> Indicators)
    {
        public static string Of(RiskInputs i) => JsonSerializer.Serialize(
            new StoredInputs(i.Margins, i.GradesFallen, i.SubjectsDropped, i.DroppedSubject, i.Flags, i.PriorAttainment, i.CaseStage, i.OpenReferrals, i.Indicators),
            SummaryJson.Default.StoredInputs);

        public static StoredInputs Read(string json) => JsonSerializer.Deserialize(json, SummaryJson.Default.StoredInputs)
            ?? throw new InvalidOperationException("A student summary's stored risk inputs are empty.");

        /// <summary>The score's inputs with the summary's attendance, behaviour and overdue reasons as they now stand.</summary>
        public RiskInputs With(StudentSummary s, AttendanceFigures year, AttendanceFigures term) =>
            new(year, term, s.AttendanceTrend, s.BehaviourTerm, Margins, GradesFallen, SubjectsDropped, DroppedSubject, Flags, s.ReasonsOverdue)
            {
                PriorAttainment = PriorAttainment,
                CaseStage = CaseStage,
                OpenReferrals = OpenReferrals,
                Indicators = Indicators,
            };
    }

    [JsonSerializable(typeof(StoredInputs))]
    internal sealed partial class SummaryJson : JsonSerializerContext;
}
