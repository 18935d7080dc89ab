using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// "My inbox": what needs the signed-in member of staff — cases handed to them (escalated or de-escalated to them and
/// not yet acted on by them), their cases' reviews due within a week or overdue, open actions on their cases due within
/// a week or overdue, and, for senior tutors and progress leaders, overdue reviews in the cases of the staff they lead.
/// Only students whose pastoral record they see. The count is what is new or overdue (shown in the navigation bar).
/// </summary>
public sealed class GetInbox(CaseloadDbContext db)
{
    public enum Kind
    {
        HandedToYou,
        ReviewOverdue,
        ReviewDue,
        ActionOverdue,
        ActionDue,
        TeamReviewOverdue,
    }

    public sealed record Item(Kind Kind, long CaseId, int StudentId, string Student, string Text, DateOnly When);

    public sealed record Result(IReadOnlyList<Item> Items)
    {
        /// <summary>Handed over or overdue: what the navigation bar counts.</summary>
        public int Count => Items.Count(i => i.Kind is Kind.HandedToYou or Kind.ReviewOverdue or Kind.ActionOverdue);
    }

    public async Task<Result> HandleAsync(StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        var me = scope.Viewer.StaffId;
        var visible = scope.Pastoral(db).Select(s => s.Id);
        var soon = today.AddDays(7);
        var mine = await db.InterventionCases.AsNoTracking()
            .Where(c => c.OwnerStaffId == me && c.Status == CaseStatus.Open && c.DeletedAt == null && visible.Contains(c.StudentId))
            .Select(c => new
            {
                c.Id,
                c.StudentId,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                c.Stage,
                c.NextReview,
                c.Summary,
                Last = db.CaseEvents.Where(e => e.CaseId == c.Id).OrderByDescending(e => e.Id).Select(e => new { e.Kind, e.By, e.At, e.Text }).First(),
                Actions = c.Actions.Where(a => !a.Done && a.Due <= soon).Select(a => new { a.What, a.Who, a.Due }).ToList(),
            })
            .ToListAsync(ct);
        var items = new List<Item>();
        var myActor = $"staff:{me}";
        foreach (var c in mine)
        {
            if (c.Last.Kind is CaseEventKind.Escalated or CaseEventKind.DeEscalated && c.Last.By != myActor)
            {
                items.Add(new Item(Kind.HandedToYou, c.Id, c.StudentId, c.Student, c.Last.Text, DateOnly.FromDateTime(c.Last.At)));
            }
            if (c.NextReview <= soon)
            {
                items.Add(new Item(c.NextReview < today ? Kind.ReviewOverdue : Kind.ReviewDue, c.Id, c.StudentId, c.Student,
                    $"Stage {c.Stage} review: {c.Summary}", c.NextReview));
            }
            items.AddRange(c.Actions.Select(a => new Item(a.Due < today ? Kind.ActionOverdue : Kind.ActionDue, c.Id, c.StudentId, c.Student,
                $"{a.What} ({a.Who})", a.Due)));
        }
        // Managers: overdue reviews in the cases their team or year owns.
        var team = scope.CaseloadStaffIds.Where(id => id != me).ToList();
        if (scope.Viewer.HasAny(Roles.SeniorTutor, Roles.ProgressLeader))
        {
            var overdue = await db.InterventionCases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.Open && c.DeletedAt == null && c.NextReview < today && c.OwnerStaffId != me
                    && visible.Contains(c.StudentId) && (c.OwnerStaffId == null || team.Contains(c.OwnerStaffId.Value) || scope.Viewer.Has(Roles.ProgressLeader)))
                .OrderBy(c => c.NextReview).Take(200)
                .Select(c => new
                {
                    c.Id,
                    c.StudentId,
                    Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                    c.Stage,
                    c.NextReview,
                    Owner = db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                })
                .ToListAsync(ct);
            items.AddRange(overdue.Select(c => new Item(Kind.TeamReviewOverdue, c.Id, c.StudentId, c.Student,
                $"Stage {c.Stage} review overdue ({c.Owner ?? "no owner"})", c.NextReview)));
        }
        return new Result([.. items.OrderBy(i => i.Kind).ThenBy(i => i.When)]);
    }
}
