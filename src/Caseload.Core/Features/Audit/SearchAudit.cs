using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Audit;

/// <summary>Administrators search their institution's audit log. Anyone else gets nothing (the page answers 404).</summary>
public sealed class SearchAudit(CaseloadDbContext db)
{
    public const int Limit = 200;

    public sealed record Request(Viewer Viewer, string? Actor = null, string? Entity = null, AuditAction? Action = null,
        string? StudentId = null, DateOnly? From = null, DateOnly? To = null);

    public sealed record Line(DateTime At, string Actor, AuditAction Action, string Entity, string EntityId, string? Student, string? Changes);

    public async Task<IReadOnlyList<Line>?> HandleAsync(Request r, CancellationToken ct = default)
    {
        // Administrators search the log; entries about restricted records follow the record: the safeguarding team's alone.
        var ordinary = r.Viewer.May(Operation.SearchAuditLog);
        var restricted = r.Viewer.May(Operation.ReadSafeguarding);
        if (!ordinary && !restricted)
        {
            return null;
        }
        var q = db.AuditEvents.AsNoTracking().Where(a => (a.Restricted ? restricted : ordinary) && (a.InstitutionId == r.Viewer.InstitutionId
            || (a.InstitutionId == null && a.StudentId != null && db.Students.Any(s => s.Id == a.StudentId && s.InstitutionId == r.Viewer.InstitutionId))));
        if (!string.IsNullOrWhiteSpace(r.Actor))
        {
            q = q.Where(a => a.Actor == r.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(r.Entity))
        {
            q = q.Where(a => a.Entity == r.Entity.Trim());
        }
        if (r.Action is { } action)
        {
            q = q.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(r.StudentId))
        {
            var external = r.StudentId.Trim();
            q = q.Where(a => db.Students.Any(s => s.Id == a.StudentId && s.ExternalId == external && s.InstitutionId == r.Viewer.InstitutionId));
        }
        if (r.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= start);
        }
        if (r.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < end);
        }
        return await q.OrderByDescending(a => a.Id).Take(Limit)
            .Select(a => new Line(a.At, a.Actor, a.Action, a.Entity, a.EntityId,
                db.Students.Where(s => s.Id == a.StudentId).Select(s => s.ExternalId).FirstOrDefault(), a.Changes))
            .ToListAsync(ct);
    }
}
