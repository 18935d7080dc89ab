using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>The progress leader's behaviour log (<see cref="Operation.UseBehaviourLog"/>): events recorded here or
/// imported with <c>caseload import behaviour</c>, to mark as dealt with.</summary>
public sealed class GetBehaviourLog(CaseloadDbContext db)
{
    public sealed record Entry(long EventId, int StudentId, string Student, string? Group, DateOnly On, BehaviourType Type, string Category, int Points,
        string? Description, string? Staff, IReadOnlyList<string> Involved, DateTime? DealtWithAt, string? DealtWithBy, string? Note);

    /// <summary>
    /// The log for the viewer's students (a progress leader's years). Without dates: every incident nobody has dealt with
    /// yet, however old, oldest first — nothing drops off the log because a day or a weekend passed — and, below them,
    /// (an incident that reached Caseload more than <see cref="Limits.BehaviourWaitingDays"/> days after it happened — the
    /// MIS's history loaded at go-live, a late backfill — is history, not waiting: it shows under its dates)
    /// everything since the last school day (on Monday, Friday's too), dealt with or not, rewards included. With dates
    /// (from and to, inclusive, at most <see cref="Limits.BehaviourLogRangeDays"/> days): every event in them, oldest
    /// first. At most <see cref="Limits.BehaviourLogRows"/> events; <see cref="CountWaitingAsync"/> gives the full count.
    /// </summary>
    public async Task<IReadOnlyList<Entry>> HandleAsync(StudentScope scope, DateOnly today, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var students = scope.Pastoral(db).Select(s => s.Id);
        IQueryable<BehaviourEvent> events;
        if (from is null && to is null)
        {
            var since = Rules.SchoolDays.Previous(today);
            events = db.BehaviourEvents.Where(e => e.Date <= today && students.Contains(e.StudentId)
                && (e.Date >= since || (e.Type == BehaviourType.Negative && !db.BehaviourReviews.Any(r => r.BehaviourEventId == e.Id)
                    && DateOnly.FromDateTime(e.RecordedAt) <= e.Date.AddDays(Limits.BehaviourWaitingDays))));
        }
        else
        {
            var (first, last) = (from ?? to!.Value, to ?? from!.Value);
            if (last < first)
            {
                throw new ValidationException($"the dates run backwards ({first:d MMM yyyy} to {last:d MMM yyyy}); expected the first date on or before the last");
            }
            if (last.DayNumber - first.DayNumber + 1 > Limits.BehaviourLogRangeDays)
            {
                throw new ValidationException($"the dates cover {last.DayNumber - first.DayNumber + 1} days; expected at most {Limits.BehaviourLogRangeDays}");
            }
            events = db.BehaviourEvents.Where(e => e.Date >= first && e.Date <= last && students.Contains(e.StudentId));
        }
        var rows = await events.AsNoTracking()
            .OrderBy(e => e.Date).ThenBy(e => e.Id).Take(Limits.BehaviourLogRows)
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Group = db.Students.Where(s => s.Id == e.StudentId).Select(s => s.TutorGroup == null ? null : s.TutorGroup.Code).First(),
                e.Date,
                e.Type,
                e.Category,
                e.Points,
                e.Description,
                Staff = db.Staff.Where(s => s.Id == e.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                Incident = db.IncidentStudents.Where(i => i.BehaviourEventId == e.Id).Select(i => (long?)i.IncidentId).FirstOrDefault(),
                Review = db.BehaviourReviews.Where(r => r.BehaviourEventId == e.Id)
                    .Select(r => new { r.ReviewedAt, By = db.Staff.Where(s => s.Id == r.ReviewedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(), r.Note })
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        var incidentIds = rows.Where(r => r.Incident is not null).Select(r => r.Incident!.Value).Distinct().ToList();
        var involved = (await db.IncidentStudents.AsNoTracking().Where(i => incidentIds.Contains(i.IncidentId) && students.Contains(i.StudentId))
                .Select(i => new { i.IncidentId, i.StudentId, i.Role, Name = db.Students.Where(s => s.Id == i.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First() })
                .ToListAsync(ct))
            .ToLookup(i => i.IncidentId);
        return [.. rows
            .Select(r => new Entry(r.Id, r.StudentId, r.Student, r.Group, r.Date, r.Type, r.Category, r.Points, r.Description, r.Staff,
                r.Incident is { } id ? [.. involved[id].Where(i => i.StudentId != r.StudentId).Select(i => $"{i.Name} ({i.Role.ToString().ToLowerInvariant()})")] : [],
                r.Review?.ReviewedAt, r.Review?.By, r.Review?.Note))
            .OrderBy(e => e.Type == BehaviourType.Positive).ThenBy(e => e.DealtWithAt is not null).ThenBy(e => e.On).ThenBy(e => e.EventId)];
    }

    /// <summary>How many incidents of the viewer's students nobody has dealt with yet (the number beside "Behaviour log").</summary>
    public Task<int> CountWaitingAsync(StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var students = scope.Pastoral(db).Select(s => s.Id);
        return db.BehaviourEvents.CountAsync(e => e.Date <= today && e.Type == BehaviourType.Negative && students.Contains(e.StudentId)
            && !db.BehaviourReviews.Any(r => r.BehaviourEventId == e.Id) && DateOnly.FromDateTime(e.RecordedAt) <= e.Date.AddDays(Limits.BehaviourWaitingDays), ct);
    }
}
