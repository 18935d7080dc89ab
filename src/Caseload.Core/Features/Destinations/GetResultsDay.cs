using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// Results day: every applicant in a cycle the viewer looks after, their firm (and insurance) offer's conditions against
/// the results imported at the cycle's results data point — missed first, then those still awaiting a result, then those
/// with no firm offer on record, then met — with the last follow-up recorded for each.
/// </summary>
public sealed class GetResultsDay(DestinationAccess access, OfferCheck check)
{
    public enum Standing
    {
        Missed = 0,
        AwaitingResults = 1,
        NoFirmOffer = 2,
        Met = 3,
    }

    public sealed record Offer(long ChoiceId, string Provider, string Course, string Conditions, string? OtherConditions, OfferConditions.Verdict Verdict, IReadOnlyList<string> Lines);

    public sealed record FollowUp(FollowUpOutcome Outcome, string? Note, string By, DateTime At);

    public sealed record Row(long ApplicationId, int StudentId, string Student, string? Group, Standing Standing, Offer? Firm, Offer? Insurance, FollowUp? Latest, int FollowUps);

    public sealed record View(ReferenceCycle Cycle, IReadOnlyList<ReferenceCycle> Cycles, DataPoint? ResultsPoint, IReadOnlyList<Row> Rows)
    {
        public int Count(Standing s) => Rows.Count(r => r.Standing == s);
    }

    /// <param name="cycleId">The cycle; none: the latest.</param>
    /// <returns>Null when the institution has no cycles yet.</returns>
    public async Task<View?> HandleAsync(StudentScope scope, int? cycleId, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.RecordDestinations);
        var db = access.Db;
        var cycles = await db.ReferenceCycles.AsNoTracking().Where(c => c.InstitutionId == scope.Viewer.InstitutionId).OrderByDescending(c => c.MainDeadline).ToListAsync(ct);
        var cycle = cycleId is { } id ? cycles.FirstOrDefault(c => c.Id == id) : cycles.FirstOrDefault();
        if (cycle is null)
        {
            return cycleId is null ? null : throw new NotFoundException("the application cycle");
        }
        var point = await check.ResultsPointAsync(scope.Viewer.InstitutionId, cycle, ct);
        var applications = await access.Applications(scope).AsNoTracking().Where(a => a.CycleId == cycle.Id)
            .Select(a => new
            {
                a.Id,
                a.StudentId,
                Name = db.Students.Where(s => s.Id == a.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Group = db.Students.Where(s => s.Id == a.StudentId).Select(s => s.TutorGroup!.Code).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var choices = await db.ApplicationChoices.AsNoTracking().Include(c => c.Conditions)
            .Where(c => ids.Contains(c.ApplicationId) && c.Reply != ChoiceReply.None
                && (c.Status == ChoiceStatus.ConditionalOffer || c.Status == ChoiceStatus.UnconditionalOffer))
            .ToListAsync(ct);
        var studentOf = applications.ToDictionary(a => a.Id, a => a.StudentId);
        var verdicts = await check.EvaluateAsync([.. choices.Select(c => (c.Id, studentOf[c.ApplicationId]))], point?.Id, ct);
        var courseIds = choices.SelectMany(c => c.Conditions).Select(c => c.CourseId).OfType<int>().Distinct().ToList();
        var courseNames = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var followUps = (await db.ResultsFollowUps.AsNoTracking().Where(f => ids.Contains(f.ApplicationId))
            .Select(f => new { f.ApplicationId, f.Outcome, f.Note, f.At, By = db.Staff.Where(s => s.Id == f.StaffId).Select(s => s.FirstName + " " + s.LastName).First() })
            .ToListAsync(ct)).ToLookup(f => f.ApplicationId);

        Offer? OfferOf(long applicationId, ChoiceReply reply)
        {
            var c = choices.FirstOrDefault(x => x.ApplicationId == applicationId && x.Reply == reply);
            if (c is null)
            {
                return null;
            }
            var outcome = c.Status == ChoiceStatus.UnconditionalOffer ? new OfferConditions.Outcome(OfferConditions.Verdict.Met, []) : verdicts[c.Id];
            return new Offer(c.Id, c.Provider, c.Course, c.Status == ChoiceStatus.UnconditionalOffer ? "unconditional" : OfferCheck.Describe(c.Conditions, courseNames),
                c.OtherConditions, outcome.Verdict, [.. outcome.Lines.Select(l => l.Words)]);
        }

        var rows = applications.Select(a =>
        {
            var firm = OfferOf(a.Id, ChoiceReply.Firm);
            var standing = firm?.Verdict switch
            {
                null => Standing.NoFirmOffer,
                OfferConditions.Verdict.Missed => Standing.Missed,
                OfferConditions.Verdict.AwaitingResults => Standing.AwaitingResults,
                _ => Standing.Met,
            };
            var latest = followUps[a.Id].OrderByDescending(f => f.At).FirstOrDefault();
            return new Row(a.Id, a.StudentId, a.Name, a.Group, standing, firm, OfferOf(a.Id, ChoiceReply.Insurance),
                latest is null ? null : new FollowUp(latest.Outcome, latest.Note, latest.By, latest.At), followUps[a.Id].Count());
        })
        .OrderBy(r => r.Standing).ThenBy(r => r.Latest is not null).ThenBy(r => r.Student, StringComparer.Ordinal)
        .ToList();
        return new View(cycle, cycles, point, rows);
    }
}
