using Caseload.Core.Domain;
using Caseload.Core.Features.References;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// A student's progression on one page: each application's choices with their offers and the firm offer against the
/// results, the follow-ups, the intended destination (the firm choice, else the application's route), what they did after
/// leaving and whether it was sustained.
/// </summary>
public sealed class GetProgression(DestinationAccess access, OfferCheck check)
{
    public sealed record Choice(ApplicationChoice Entity, string Conditions, OfferConditions.Outcome? Outcome);

    public sealed record FollowUp(FollowUpOutcome Outcome, string? Note, string By, DateTime At);

    public sealed record App(Application Application, string Cycle, IReadOnlyList<Choice> Choices, IReadOnlyList<FollowUp> FollowUps, string? ResultsPoint);

    public sealed record Course(int Id, string Name);

    public sealed record View(Student Student, IReadOnlyList<App> Applications, string? Intended, DestinationKind? IntendedKind,
        IReadOnlyList<DestinationActivity> Activities, SustainedDestination.Result Sustained, IReadOnlyList<Course> Courses);

    public async Task<View?> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.RecordDestinations);
        var db = access.Db;
        var student = await access.Students(scope).AsNoTracking().Include(s => s.TutorGroup).FirstOrDefaultAsync(s => s.Id == studentId, ct);
        if (student is null)
        {
            return null;
        }
        var applications = await access.Applications(scope).AsNoTracking().Where(a => a.StudentId == studentId)
            .Join(db.ReferenceCycles, a => a.CycleId, c => c.Id, (a, c) => new { Application = a, Cycle = c })
            .OrderByDescending(x => x.Cycle.MainDeadline).ToListAsync(ct);
        var ids = applications.Select(a => a.Application.Id).ToList();
        var choices = await db.ApplicationChoices.AsNoTracking().Include(c => c.Conditions).Where(c => ids.Contains(c.ApplicationId))
            .OrderBy(c => c.Id).ToListAsync(ct);
        var courses = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == studentId && e.Status == EnrolmentStatus.Active)
            .OrderBy(e => e.Course!.Name).Select(e => new Course(e.CourseId, e.Course!.Name)).ToListAsync(ct);
        var conditionCourses = choices.SelectMany(c => c.Conditions).Select(c => c.CourseId).OfType<int>().Distinct().ToList();
        var names = await db.Courses.AsNoTracking().Where(c => conditionCourses.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var followUps = (await db.ResultsFollowUps.AsNoTracking().Where(f => ids.Contains(f.ApplicationId)).OrderByDescending(f => f.At)
            .Select(f => new { f.ApplicationId, f.Outcome, f.Note, f.At, By = db.Staff.Where(s => s.Id == f.StaffId).Select(s => s.FirstName + " " + s.LastName).First() })
            .ToListAsync(ct)).ToLookup(f => f.ApplicationId);

        var apps = new List<App>();
        foreach (var x in applications)
        {
            var point = await check.ResultsPointAsync(student.InstitutionId, x.Cycle, ct);
            var mine = choices.Where(c => c.ApplicationId == x.Application.Id).ToList();
            var conditional = mine.Where(c => c.Status == ChoiceStatus.ConditionalOffer).Select(c => (c.Id, studentId)).ToList();
            var verdicts = point is null ? [] : await check.EvaluateAsync(conditional, point.Id, ct);
            apps.Add(new App(x.Application, x.Cycle.Name,
                [.. mine.Select(c => new Choice(c, OfferCheck.Describe(c.Conditions, names), verdicts.GetValueOrDefault(c.Id)))],
                [.. followUps[x.Application.Id].Select(f => new FollowUp(f.Outcome, f.Note, f.By, f.At))],
                point?.Name));
        }

        var latest = apps.FirstOrDefault();
        var firm = latest?.Choices.FirstOrDefault(c => c.Entity.Reply == ChoiceReply.Firm)?.Entity;
        var intended = latest is null ? null
            : firm is not null ? $"{firm.Course}, {firm.Provider} (firm choice)"
            : $"{ReferenceWords.Describe(latest.Application.Route)} ({latest.Cycle}; no firm choice yet)";
        DestinationKind? intendedKind = latest is null ? null : DestinationWords.Intended(latest.Application.Route);

        var activities = await db.DestinationActivities.AsNoTracking().Where(a => a.StudentId == studentId).OrderBy(a => a.From).ToListAsync(ct);
        var sustained = SustainedDestination.Evaluate(student.OnRoll ? null : student.LeftOn ?? activities.FirstOrDefault()?.From.AddDays(-1),
            [.. activities.Select(a => new SustainedDestination.Activity(DestinationWords.Counts(a.Kind), a.From, a.To))], access.Today);
        return new View(student, apps, intended, intendedKind, activities, sustained, courses);
    }
}
