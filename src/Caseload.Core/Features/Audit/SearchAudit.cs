using System.Text.Json;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Search;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Audit;

/// <summary>
/// Administrators search their institution's audit log: who (by name, with their roles), did what, to which record, about
/// which student, and the values as readable fields. Entries about restricted records (safeguarding concerns) are the
/// safeguarding team's alone. Anyone else gets nothing (the page answers 404).
/// </summary>
public sealed class SearchAudit(CaseloadDbContext db)
{
    public const int Limit = 200;

    /// <summary>Students a name search may stand for at most: a search for "a" narrows nothing and is refused.</summary>
    public const int MaxStudentsMatched = 200;

    /// <param name="StaffId">Entries made by this member of staff.</param>
    /// <param name="Actor">Entries made by a door other than a person's session, as written ("cli:jo", "demo").</param>
    /// <param name="Student">The student by name in any order of words, student ID or UPN.</param>
    /// <param name="StudentRecordId">The student by Caseload's own id (the profile's "who has looked at this record").</param>
    public sealed record Request(Viewer Viewer, string? Actor = null, string? Entity = null, AuditAction? Action = null,
        string? Student = null, DateOnly? From = null, DateOnly? To = null, int? StaffId = null, int? StudentRecordId = null);

    /// <summary>One field of the entry: for a change, before and after; for a creation or deletion, the value (Before is null).</summary>
    public sealed record Field(string Name, string? Before, string? After);

    public sealed record Line(
        DateTime At, string Actor, string? ActorName, IReadOnlyList<string> ActorRoles, AuditAction Action, string Entity, string EntityId,
        int? StudentId, string? Student, string? StudentName, string? Changes, IReadOnlyList<Field> Fields);

    /// <summary>The members of staff of the institution, for choosing whom to search by.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> StaffAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!MaySearch(viewer))
        {
            return [];
        }
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == viewer.InstitutionId)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToListAsync(ct);
        return [.. staff.Select(s => (s.Id, s.Name))];
    }

    /// <summary>The record types to search by, in words (<see cref="Audit.RecordTypes"/>).</summary>
    public IReadOnlyList<(string Entity, string Words)> RecordTypes() => Audit.RecordTypes.All(db);

    /// <summary>The entries about restricted records: the safeguarding lead's and unlimited deputies' (a deputy limited to
    /// some years or categories would otherwise learn of records outside them).</summary>
    public static bool SeesRestricted(Viewer viewer) => viewer.May(Operation.ReadSafeguarding) && !viewer.Safeguarding.Limited;

    /// <summary>Whether the viewer may search the audit log at all (its ordinary or its restricted entries).</summary>
    public static bool MaySearch(Viewer viewer) => viewer.May(Operation.SearchAuditLog) || SeesRestricted(viewer);

    public async Task<IReadOnlyList<Line>?> HandleAsync(Request r, CancellationToken ct = default)
    {
        // Administrators search the log; entries about restricted records follow the record: the safeguarding team's alone.
        var ordinary = r.Viewer.May(Operation.SearchAuditLog);
        var restricted = SeesRestricted(r.Viewer);
        if (!ordinary && !restricted)
        {
            return null;
        }
        var institution = r.Viewer.InstitutionId;
        var q = db.AuditEvents.AsNoTracking().Where(a => (a.Restricted ? restricted : ordinary) && (a.InstitutionId == institution
            || (a.InstitutionId == null && a.StudentId != null && db.Students.Any(s => s.Id == a.StudentId && s.InstitutionId == institution))));
        if (!string.IsNullOrWhiteSpace(r.Actor))
        {
            var actor = r.Actor.Trim();
            q = q.Where(a => a.Actor == actor);
        }
        if (r.StaffId is { } staffId)
        {
            var actor = $"staff:{staffId}";
            q = q.Where(a => a.Actor == actor);
        }
        if (!string.IsNullOrWhiteSpace(r.Entity))
        {
            var entity = r.Entity.Trim();
            // Chosen from a list: anything else (an old link, a hand-made address) is refused rather than silently finding nothing.
            if (!Audit.RecordTypes.All(db).Any(t => t.Entity == entity))
            {
                throw new ValidationException($"record type \"{(entity.Length > 64 ? entity[..64] + "…" : entity)}\" is not one the audit log records; expected one from the list of record types");
            }
            q = q.Where(a => a.Entity == entity);
        }
        if (r.Action is { } action)
        {
            q = q.Where(a => a.Action == action);
        }
        if (r.StudentRecordId is { } recordId)
        {
            q = q.Where(a => a.StudentId == recordId);
        }
        var (_, words) = SearchStudents.Words(r.Student);
        if (words.Count > 0)
        {
            var ids = await StudentsAsync(institution, words, ct);
            q = q.Where(a => a.StudentId != null && ids.Contains(a.StudentId.Value));
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
        return await LinesAsync(q, institution, Limit, ct);
    }

    /// <summary>Readers shown on a student's page at most, newest first.</summary>
    public const int ReadersLimit = 100;

    /// <summary>
    /// "Who has looked at this record": every time the student's record (or part of it) was opened, newest first, for
    /// administrators and the safeguarding lead; the reads of a safeguarding concern only for the safeguarding team.
    /// Null for anyone else, or a student of another institution.
    /// </summary>
    public async Task<IReadOnlyList<Line>?> ReadersAsync(Viewer viewer, int studentId, CancellationToken ct = default)
    {
        if (!viewer.May(Operation.SeeRecordReaders)
            || !await db.Students.AnyAsync(s => s.Id == studentId && s.InstitutionId == viewer.InstitutionId, ct))
        {
            return null;
        }
        var restricted = SeesRestricted(viewer);
        var q = db.AuditEvents.AsNoTracking().Where(a => a.StudentId == studentId && a.Action == AuditAction.Read && (!a.Restricted || restricted));
        return await LinesAsync(q, viewer.InstitutionId, ReadersLimit, ct);
    }

    private async Task<IReadOnlyList<Line>> LinesAsync(IQueryable<AuditEvent> q, int institution, int limit, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new
            {
                a.At,
                a.Actor,
                a.Action,
                a.Entity,
                a.EntityId,
                a.StudentId,
                a.Changes,
                Student = db.Students.Where(s => s.Id == a.StudentId).Select(s => new { s.ExternalId, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // Names and roles of the staff who appear, in one query; "staff:12" of another institution is never named.
        var staffIds = rows.Select(a => StaffIdOf(a.Actor)).OfType<int>().Distinct().ToList();
        var staff = (await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id) && s.InstitutionId == institution)
                .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName, Roles = s.Roles.Select(x => x.Role).ToList() }).ToListAsync(ct))
            .ToDictionary(s => s.Id);
        return [.. rows.Select(a =>
        {
            var who = StaffIdOf(a.Actor) is { } id && staff.TryGetValue(id, out var s) ? s : null;
            return new Line(a.At, a.Actor, who?.Name, who?.Roles.Order(StringComparer.Ordinal).ToList() ?? [], a.Action, a.Entity, a.EntityId,
                a.StudentId, a.Student?.ExternalId, a.Student?.Name, a.Changes, Fields(a.Changes));
        })];
    }

    // The students a search names: every word in their names, or the whole search their student ID or UPN.
    private async Task<List<int>> StudentsAsync(int institution, List<string> words, CancellationToken ct)
    {
        var students = db.Students.AsNoTracking().Where(s => s.InstitutionId == institution);
        var whole = string.Join(' ', words);
        var byId = await students.Where(s => s.ExternalId.ToLower() == whole || (s.Upn != null && s.Upn.ToLower() == whole)).Select(s => s.Id).ToListAsync(ct);
        if (byId.Count > 0)
        {
            return byId;
        }
        foreach (var w in words)
        {
            students = students.Where(s => s.FirstName.ToLower().Contains(w) || s.LastName.ToLower().Contains(w)
                || (s.PreferredName != null && s.PreferredName.ToLower().Contains(w)));
        }
        var ids = await students.Select(s => s.Id).OrderBy(id => id).Take(MaxStudentsMatched + 1).ToListAsync(ct);
        return ids.Count > MaxStudentsMatched
            ? throw new ValidationException($"more than {MaxStudentsMatched} students match \"{whole}\"; expected more of a name, a student ID or a UPN")
            : ids;
    }

    private static int? StaffIdOf(string actor) =>
        actor.StartsWith("staff:", StringComparison.Ordinal) && int.TryParse(actor.AsSpan(6), out var id) ? id : null;

    /// <summary>
    /// The entry's values as fields: an update's <c>{"Name": [before, after]}</c>, a creation's or deletion's
    /// <c>{"Name": value}</c>; anything else (older entries, a note) as one field of its own text.
    /// </summary>
    public static IReadOnlyList<Field> Fields(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return [];
        }
        try
        {
            using var json = JsonDocument.Parse(changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new Field("Values", null, changes)];
            }
            return [.. json.RootElement.EnumerateObject().Select(p =>
                p.Value is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2
                    ? new Field(p.Name, Text(pair[0]) ?? "(none)", Text(pair[1]))
                    : new Field(p.Name, null, Text(p.Value)))];
        }
        catch (JsonException)
        {
            return [new Field("Values", null, changes)];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}
