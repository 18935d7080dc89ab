using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// Behaviour recorded in Caseload: incidents with every student in their role (one role per student, so a victim is never
/// recorded as a perpetrator; only perpetrators get points, and only their part becomes a behaviour event that scores),
/// rewards, sanctions, students on report with a daily record, and the progress leader's daily log of the last school day's and
/// today's events (recorded here or imported with <c>caseload import behaviour</c>) to mark as dealt with.
/// </summary>
public sealed class BehaviourRecords(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> IncidentCategories =
    [
        "Disruption", "Defiance", "Bullying", "Racist incident", "Homophobic or transphobic incident", "Sexual harassment",
        "Fighting", "Damage to property", "Mobile phone", "Truancy", "Smoking or vaping", "Other",
    ];

    public static readonly IReadOnlyList<string> RewardCategories = ["Excellent work", "Effort", "Helping others", "Attendance", "Contribution", "Leadership"];

    private DateOnly Today => clock.Today();

    public sealed record Involved(int StudentId, IncidentRole Role, int Points);

    public sealed record Incident(DateOnly On, string Category, string Description, string? Location, IReadOnlyList<Involved> Students);

    /// <summary>Records an incident; null when the viewer may not see one of the students (nothing saved).</summary>
    public async Task<long?> RecordIncidentAsync(StudentScope scope, Incident request, CancellationToken ct = default)
    {
        if (request.Students.Count == 0)
        {
            throw new ValidationException("add the students involved");
        }
        var ids = request.Students.Select(s => s.StudentId).ToList();
        var names = await scope.Visible(db).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.PreferredName ?? s.FirstName) + " " + s.LastName, ct);
        if (names.Count != ids.Distinct().Count())
        {
            return null;
        }
        foreach (var twice in request.Students.GroupBy(s => s.StudentId).Where(g => g.Count() > 1))
        {
            throw new ValidationException($"{names[twice.Key]} is listed {twice.Count()} times; a student has one role in an incident (a victim is never also a perpetrator)");
        }
        foreach (var s in request.Students)
        {
            if (s.Role == IncidentRole.Perpetrator ? s.Points > 0 : s.Points != 0)
            {
                throw new ValidationException(s.Role == IncidentRole.Perpetrator
                    ? $"{names[s.StudentId]}'s points are {s.Points}; expected 0 or fewer (negative points)"
                    : $"{names[s.StudentId]} is a {s.Role.ToString().ToLowerInvariant()}; points are for perpetrators only");
            }
        }
        if (request.On > Today)
        {
            throw new ValidationException($"the incident's date {request.On:d MMM yyyy} is in the future");
        }
        var category = Referrals.Text(request.Category, "the category", 100);
        var description = Referrals.Text(request.Description, "what happened");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = new BehaviourIncident
        {
            InstitutionId = scope.Viewer.InstitutionId,
            On = request.On,
            Category = category,
            Description = description,
            Location = string.IsNullOrWhiteSpace(request.Location) ? null : request.Location.Trim(),
            RecordedByStaffId = scope.Viewer.StaffId,
            RecordedAt = now,
        };
        db.BehaviourIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        foreach (var s in request.Students)
        {
            BehaviourEvent? e = null;
            if (s.Role == IncidentRole.Perpetrator)
            {
                e = new BehaviourEvent
                {
                    StudentId = s.StudentId,
                    ExternalKey = $"incident:{incident.Id}:{s.StudentId}",
                    Date = request.On,
                    Type = BehaviourType.Negative,
                    Category = category,
                    Points = s.Points,
                    Description = description,
                    StaffId = scope.Viewer.StaffId,
                    RecordedAt = now,
                    RecordedBy = $"staff:{scope.Viewer.StaffId}",
                };
                db.BehaviourEvents.Add(e);
                await db.SaveChangesAsync(ct);
            }
            db.IncidentStudents.Add(new IncidentStudent { IncidentId = incident.Id, StudentId = s.StudentId, Role = s.Role, Points = s.Points, BehaviourEventId = e?.Id });
        }
        await db.SaveChangesAsync(ct);
        await Analytics.StudentSummaries.RecomputeAsync(db, scope.Viewer.InstitutionId, [.. request.Students.Where(s => s.Role == IncidentRole.Perpetrator).Select(s => s.StudentId)], Today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return incident.Id;
    }

    /// <summary>A reward (positive points) for a student whose record the viewer sees.</summary>
    public async Task<bool> RewardAsync(StudentScope scope, int studentId, string category, int points, string? description, CancellationToken ct = default)
    {
        if (!await scope.Visible(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        if (points is < 1 or > 10)
        {
            throw new ValidationException($"a reward's points are {points}; expected 1 to 10");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BehaviourEvents.Add(new BehaviourEvent
        {
            StudentId = studentId,
            ExternalKey = $"reward:{Guid.NewGuid():N}",
            Date = Today,
            Type = BehaviourType.Positive,
            Category = Referrals.Text(category, "what the reward is for", 100),
            Points = points,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            StaffId = scope.Viewer.StaffId,
            RecordedAt = now,
            RecordedBy = $"staff:{scope.Viewer.StaffId}",
        });
        await db.SaveChangesAsync(ct);
        await Analytics.StudentSummaries.RecomputeAsync(db, scope.Viewer.InstitutionId, [studentId], Today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return true;
    }

    public async Task<bool> SanctionAsync(StudentScope scope, int studentId, SanctionKind kind, DateOnly on, string reason, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return false;
        }
        db.Sanctions.Add(new Sanction
        {
            StudentId = studentId,
            Kind = kind,
            On = on,
            Reason = Referrals.Text(reason, "the reason for the sanction", 1000),
            SetByStaffId = scope.Viewer.StaffId,
            SetAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> MarkServedAsync(StudentScope scope, long sanctionId, CancellationToken ct = default)
    {
        var s = await db.Sanctions.FirstOrDefaultAsync(x => x.Id == sanctionId, ct);
        if (s is null || !await scope.Pastoral(db).AnyAsync(x => x.Id == s.StudentId, ct))
        {
            return false;
        }
        s.Served = true;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Puts a student on report with daily targets (one per line).</summary>
    public async Task<long?> StartReportAsync(StudentScope scope, int studentId, DateOnly from, string targets, string reason, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return null;
        }
        if (await db.OnReports.AnyAsync(r => r.StudentId == studentId && r.To == null, ct))
        {
            throw new ValidationException("the student is already on report; take them off it first");
        }
        var lines = Lines(targets);
        if (lines.Count is 0 or > 6)
        {
            throw new ValidationException($"a report has {lines.Count} targets; expected 1 to 6, one per line");
        }
        var report = new OnReport { StudentId = studentId, From = from, Targets = string.Join('\n', lines), Reason = Referrals.Text(reason, "why the student is on report", 1000), StartedByStaffId = scope.Viewer.StaffId };
        db.OnReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>Records one day on report: how many of the targets were met (one record per day; a second replaces the first).</summary>
    public async Task<bool> RecordDayAsync(StudentScope scope, long reportId, DateOnly date, int met, string? comment, CancellationToken ct = default)
    {
        var report = await db.OnReports.Include(r => r.Days).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == report.StudentId, ct))
        {
            return false;
        }
        var of = Lines(report.Targets).Count;
        if (met < 0 || met > of)
        {
            throw new ValidationException($"{met} targets met; expected 0 to {of}");
        }
        if (date < report.From || (report.To is { } to && date > to) || date > Today)
        {
            throw new ValidationException($"{date:d MMM yyyy} is outside the report ({report.From:d MMM} to {(report.To ?? Today):d MMM})");
        }
        var day = report.Days.FirstOrDefault(d => d.Date == date);
        if (day is null)
        {
            report.Days.Add(day = new ReportDay { Date = date });
        }
        (day.Met, day.Of, day.Comment, day.RecordedByStaffId) = (met, of, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), scope.Viewer.StaffId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> EndReportAsync(StudentScope scope, long reportId, CancellationToken ct = default)
    {
        var report = await db.OnReports.FirstOrDefaultAsync(r => r.Id == reportId && r.To == null, ct);
        if (report is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == report.StudentId, ct))
        {
            return false;
        }
        report.To = Today;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public sealed record Record(IReadOnlyList<(BehaviourIncident Incident, IncidentRole Role)> Incidents, IReadOnlyList<Sanction> Sanctions, IReadOnlyList<OnReport> Reports);

    /// <summary>A student's incidents (their own role only: not the other students'), sanctions and reports.</summary>
    public async Task<Record> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        if (!await scope.Pastoral(db).AnyAsync(s => s.Id == studentId, ct))
        {
            return new Record([], [], []);
        }
        var incidents = await db.IncidentStudents.AsNoTracking().Where(i => i.StudentId == studentId)
            .Join(db.BehaviourIncidents, i => i.IncidentId, x => x.Id, (i, x) => new { x, i.Role })
            .OrderByDescending(x => x.x.On).ToListAsync(ct);
        return new Record([.. incidents.Select(i => (i.x, i.Role))],
            await db.Sanctions.AsNoTracking().Where(s => s.StudentId == studentId).OrderByDescending(s => s.On).ToListAsync(ct),
            await db.OnReports.AsNoTracking().Include(r => r.Days.OrderBy(d => d.Date)).Where(r => r.StudentId == studentId).OrderByDescending(r => r.From).ToListAsync(ct));
    }

    public sealed record LogEntry(long EventId, int StudentId, string Student, string? Group, DateOnly On, BehaviourType Type, string Category, int Points,
        string? Description, string? Staff, IReadOnlyList<string> Involved, DateTime? DealtWithAt, string? DealtWithBy, string? Note);

    /// <summary>How far back an incident nobody has dealt with stays on the log.</summary>
    public const int UndealtDays = 28;

    /// <summary>
    /// The daily log for the viewer's students (a progress leader's years), worst first: everything since the last
    /// school day (on Monday, Friday's too), and every incident of the last four weeks that nobody has dealt with yet —
    /// nothing drops off the log just because a day passed.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> DailyLogAsync(StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var since = Rules.SchoolDays.Previous(today);
        var undealtSince = today.AddDays(-UndealtDays);
        var students = scope.Pastoral(db).Select(s => s.Id);
        var rows = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.Date <= today && students.Contains(e.StudentId)
                && (e.Date >= since || (e.Date >= undealtSince && e.Type == BehaviourType.Negative && !db.BehaviourReviews.Any(r => r.BehaviourEventId == e.Id))))
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
            .Select(r => new LogEntry(r.Id, r.StudentId, r.Student, r.Group, r.Date, r.Type, r.Category, r.Points, r.Description, r.Staff,
                r.Incident is { } id ? [.. involved[id].Where(i => i.StudentId != r.StudentId).Select(i => $"{i.Name} ({i.Role.ToString().ToLowerInvariant()})")] : [],
                r.Review?.ReviewedAt, r.Review?.By, r.Review?.Note))
            .OrderBy(e => e.Type == BehaviourType.Positive).ThenBy(e => e.DealtWithAt is not null).ThenBy(e => e.Points).ThenByDescending(e => e.On)];
    }

    /// <summary>Marks an event on the log as dealt with (once; who and when kept).</summary>
    public async Task<bool> MarkDealtWithAsync(StudentScope scope, long eventId, string? note, CancellationToken ct = default)
    {
        scope.Viewer.Demand(Operation.UseBehaviourLog);
        var e = await db.BehaviourEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null || !await scope.Pastoral(db).AnyAsync(s => s.Id == e.StudentId, ct))
        {
            return false;
        }
        if (await db.BehaviourReviews.AnyAsync(r => r.BehaviourEventId == eventId, ct))
        {
            throw new ValidationException("this event has already been marked as dealt with");
        }
        db.BehaviourReviews.Add(new BehaviourReview
        {
            BehaviourEventId = eventId,
            ReviewedAt = clock.GetUtcNow().UtcDateTime,
            ReviewedByStaffId = scope.Viewer.StaffId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
