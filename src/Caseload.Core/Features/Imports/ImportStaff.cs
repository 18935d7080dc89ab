using System.Net.Mail;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports staff by <c>staff_id</c>. When the file has a <c>roles</c> column it replaces each person's roles. A
/// <c>leaving_date</c> in the past (before today) makes them a leaver: they cannot sign in, and lead or tutor nobody.
/// </summary>
public sealed class ImportStaff(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportStaff.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("staff", ["staff_id", "first_name", "last_name", "email"], ["roles", "leaving_date"]);

    private static readonly int Id = Columns.IndexOf("staff_id"), First = Columns.IndexOf("first_name"),
        Last = Columns.IndexOf("last_name"), EmailCol = Columns.IndexOf("email"), RolesCol = Columns.IndexOf("roles"),
        Leaving = Columns.IndexOf("leaving_date");

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

    private DateOnly _today;

    public sealed record Row(string StaffId, string FirstName, string LastName, string Email, IReadOnlyList<string>? Roles, DateOnly? LeftOn = null, bool LeavingGiven = false);

    public override ImportSchema Schema => Columns;

    protected override Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _today = Today;
        return Task.CompletedTask;
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        if (Fields.Required(r, Id, p, out var id) && Fields.MaxLength(r, Id, p, id, 64) && !_seen.TryAdd(id, r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(Id), $"staff_id '{id}' appears again (first on line {_seen[id]}); expected one row per person");
        }
        if (Fields.Required(r, First, p, out var first))
        {
            Fields.MaxLength(r, First, p, first, 100);
        }
        if (Fields.Required(r, Last, p, out var last))
        {
            Fields.MaxLength(r, Last, p, last, 100);
        }
        if (Fields.Required(r, EmailCol, p, out var email) && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 254))
        {
            p.Add(r.Line, r.ColumnNumber(EmailCol), $"email '{Fields.Shorten(email)}' is not an e-mail address; expected name@school.example");
        }
        List<string>? roles = null;
        if (r.Has(RolesCol))
        {
            roles = [];
            foreach (var part in r[RolesCol].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = Roles.Normalise(part);
                if (role is null)
                {
                    p.Add(r.Line, r.ColumnNumber(RolesCol), $"role '{Fields.Shorten(part)}' is not known; expected one or more of {string.Join(", ", Roles.All)} separated by ';'");
                }
                else if (!roles.Contains(role))
                {
                    roles.Add(role);
                }
            }
        }
        if (Fields.OptionalDate(r, Leaving, p, out var left) && left is { } day && (day > _today.AddYears(1) || day.Year < 1950))
        {
            p.Add(r.Line, r.ColumnNumber(Leaving), $"leaving_date {day:yyyy-MM-dd} is not a plausible last day; expected a date from 1950 to a year from today, or nothing while they are here");
        }
        return p.Count > before ? null : new Row(id, first, last, email.ToLowerInvariant(), roles, left, r.Has(Leaving));
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var existing = await Db.Staff.Include(s => s.Roles).Where(s => s.InstitutionId == institutionId)
            .ToDictionaryAsync(s => s.ExternalId, StringComparer.OrdinalIgnoreCase, ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var isNew = !existing.TryGetValue(row.StaffId, out var s);
            s ??= Db.Staff.Add(new Staff { InstitutionId = institutionId, ExternalId = row.StaffId, FirstName = row.FirstName, LastName = row.LastName, Email = row.Email }).Entity;
            s.FirstName = row.FirstName;
            s.LastName = row.LastName;
            s.Email = row.Email;
            if (row.LeavingGiven)
            {
                // A leaving date still to come keeps them here until an import after it (import staff nightly).
                (s.LeftOn, s.Active) = (row.LeftOn, row.LeftOn is not { } last || last >= _today);
            }
            var rolesChanged = false;
            if (row.Roles is not null)
            {
                var current = s.Roles.Select(x => x.Role).ToHashSet();
                rolesChanged = !current.SetEquals(row.Roles);
                s.Roles.RemoveAll(x => !row.Roles.Contains(x.Role));
                s.Roles.AddRange(row.Roles.Where(x => !current.Contains(x)).Select(x => new StaffRole { Role = x }));
            }
            var entry = Db.Entry(s);
            entry.DetectChanges();
            if (isNew)
            {
                inserted++;
            }
            else if (rolesChanged || entry.State == EntityState.Modified)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}
