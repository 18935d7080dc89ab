using Caseload.Core.Data;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.OneToOnes;

/// <summary>Who is due a 1:1 review meeting (<see cref="OneToOneSchedule"/>): the viewer's students, soonest due first.</summary>
public sealed class GetOneToOneSchedule(CaseloadDbContext db, Institutions.ReferenceData reference)
{
    public sealed record Due(int StudentId, string Student, string? Group, string? Tutor, DateOnly? LastHeld, DateOnly NextDue,
        OneToOneSchedule.State State, bool PrioritisedByTutor, int? RiskScore, int OpenTargets)
    {
        public bool Prioritised => PrioritisedByTutor || OneToOneSchedule.PrioritisedByRules(RiskScore);
    }

    /// <param name="only">Just these students (ones the caller has already found the viewer sees, like a tutor's own
    /// tutees for their inbox).</param>
    public async Task<IReadOnlyList<Due>> HandleAsync(StudentScope scope, DateOnly today, IReadOnlyCollection<int>? only = null, CancellationToken ct = default)
    {
        var yearStart = (await reference.ForAsync(scope.Viewer.InstitutionId, ct)).At(today).Year?.Start ?? DateOnly.MinValue;
        var students = only is null ? scope.Pastoral(db).Where(s => s.OnRoll) : db.Students.Where(s => only.Contains(s.Id));
        return await ReadAsync(db, students, yearStart, today, ct);
    }

    /// <summary>The schedule of these students (ones the caller has found the viewer sees), counting this year's meetings.</summary>
    internal static async Task<IReadOnlyList<Due>> ReadAsync(CaseloadDbContext db, IQueryable<Domain.Student> students, DateOnly yearStart, DateOnly today,
        CancellationToken ct)
    {
        var rows = await students.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                Group = s.TutorGroup == null ? null : s.TutorGroup.Code,
                Tutor = s.TutorGroup == null || s.TutorGroup.Tutor == null ? null : s.TutorGroup.Tutor.FirstName + " " + s.TutorGroup.Tutor.LastName,
                Last = db.OneToOneMeetings.Where(m => m.StudentId == s.Id && m.DeletedAt == null && m.HeldOn >= yearStart).Max(m => (DateOnly?)m.HeldOn),
                Priority = db.OneToOnePriorities.Any(p => p.StudentId == s.Id),
                Risk = db.StudentSummaries.Where(x => x.StudentId == s.Id).Select(x => (int?)x.RiskScore).FirstOrDefault(),
                Open = db.PlanTargets.Count(t => t.StudentId == s.Id && t.Status == Domain.PlanTargetStatus.Open),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => Of(r.Id, r.Name, r.Group, r.Tutor, r.Last, r.Priority, r.Risk, r.Open, yearStart, today))
            .OrderBy(d => d.NextDue).ThenBy(d => d.Student)];
    }

    /// <summary>One student's place in the schedule from what the caller has read: the last meeting this year, the
    /// tutor's priority, the early-warning score and the open targets.</summary>
    internal static Due Of(int studentId, string name, string? group, string? tutor, DateOnly? lastThisYear, bool priority, int? risk, int openTargets,
        DateOnly yearStart, DateOnly today)
    {
        var prioritised = priority || OneToOneSchedule.PrioritisedByRules(risk);
        var due = OneToOneSchedule.NextDue(lastThisYear, yearStart, prioritised);
        return new Due(studentId, name, group, tutor, lastThisYear, due, OneToOneSchedule.StateOf(due, today), priority, risk, openTargets);
    }
}
