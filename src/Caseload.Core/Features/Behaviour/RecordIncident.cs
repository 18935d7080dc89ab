using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Behaviour;

/// <summary>
/// Records a behaviour incident with every student in their role (one role per student, so a victim is never recorded
/// as a perpetrator; only perpetrators get points, and only their part becomes a behaviour event that scores).
/// </summary>
public sealed class RecordIncident(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Categories =
    [
        "Disruption", "Defiance", "Bullying", "Racist incident", "Homophobic or transphobic incident", "Sexual harassment",
        "Fighting", "Damage to property", "Mobile phone", "Truancy", "Smoking or vaping", "Other",
    ];

    /// <summary>The most students one incident records (a whole class).</summary>
    public const int MaxStudents = Limits.StudentsPerIncident;

    /// <summary>The most negative points one student gets for one incident.</summary>
    public const int MaxPoints = Limits.IncidentPoints;

    public sealed record Involved(int StudentId, IncidentRole Role, int Points);

    public sealed record Request(DateOnly On, string Category, string Description, string? Location, IReadOnlyList<Involved> Students);

    /// <returns>The incident's id; null when the viewer may not see one of the students (nothing saved).</returns>
    public async Task<long?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var involved = request.Students ?? [];
        if (involved.Count == 0)
        {
            throw new ValidationException("add the students involved");
        }
        if (involved.Count > MaxStudents)
        {
            throw new ValidationException($"the incident lists {involved.Count} students; expected at most {MaxStudents}");
        }
        var ids = involved.Select(s => s.StudentId).ToList();
        var names = await scope.Visible(db).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.PreferredName ?? s.FirstName) + " " + s.LastName, ct);
        if (names.Count != ids.Distinct().Count())
        {
            return null;
        }
        foreach (var twice in involved.GroupBy(s => s.StudentId).Where(g => g.Count() > 1))
        {
            throw new ValidationException($"{names[twice.Key]} is listed {twice.Count()} times; a student has one role in an incident (a victim is never also a perpetrator)");
        }
        foreach (var s in involved)
        {
            if (!Enum.IsDefined(s.Role))
            {
                throw new ValidationException($"{names[s.StudentId]}'s role is not one Caseload knows; expected perpetrator, victim, witness or involved");
            }
            if (s.Role == IncidentRole.Perpetrator ? s.Points is > 0 or < -MaxPoints : s.Points != 0)
            {
                throw new ValidationException(s.Role == IncidentRole.Perpetrator
                    ? $"{names[s.StudentId]}'s points are {s.Points}; expected 0 to -{MaxPoints} (negative points)"
                    : $"{names[s.StudentId]} is a {s.Role.ToString().ToLowerInvariant()}; points are for perpetrators only");
            }
        }
        var today = clock.Today();
        if (request.On > today)
        {
            throw new ValidationException($"the incident's date {request.On:d MMM yyyy} is in the future");
        }
        if (request.On < today.AddDays(-Limits.IncidentAgeDays))
        {
            throw new ValidationException($"the incident's date {request.On:d MMM yyyy} is more than {Limits.IncidentAgeDays} days ago; expected a date since {today.AddDays(-Limits.IncidentAgeDays):d MMM yyyy}");
        }
        var category = FreeText.Required(request.Category, "the category", 100);
        var description = FreeText.Required(request.Description, "what happened");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = new BehaviourIncident
        {
            InstitutionId = scope.Viewer.InstitutionId,
            On = request.On,
            Category = category,
            Description = description,
            Location = FreeText.Optional(request.Location, "where it happened", 200),
            RecordedByStaffId = scope.Viewer.StaffId,
            RecordedAt = now,
        };
        db.BehaviourIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        foreach (var s in involved)
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
        await Analytics.StudentSummaries.RecomputeAsync(db, scope.Viewer.InstitutionId, [.. involved.Where(s => s.Role == IncidentRole.Perpetrator).Select(s => s.StudentId)], today, now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return incident.Id;
    }
}
