using System.Globalization;
using System.Text.RegularExpressions;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// Standard letters home: templates an administrator edits (attendance concern, uniform, equipment, positive news by
/// default), rendered with the student's details for a chosen parent or carer, printed, and logged as a contact when sent.
/// Placeholders are <c>{{name}}</c> from <see cref="Placeholders"/>; a template using any other is refused with where.
/// </summary>
public sealed partial class Letters(CaseloadDbContext db, TimeProvider clock, AuditActor actor, ParentContacts contacts)
{
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["student_name"] = "the student's full name",
        ["student_first_name"] = "the student's first (or preferred) name",
        ["parent_name"] = "the parent or carer the letter is to",
        ["tutor_name"] = "the student's tutor",
        ["tutor_group"] = "the tutor group",
        ["year_group"] = "the year group",
        ["attendance_year"] = "attendance this year, e.g. 87.5%",
        ["date"] = "today's date, e.g. 23 November 2026",
        ["institution"] = "the institution's name",
        ["sender_name"] = "the member of staff sending it",
    };

    public static readonly IReadOnlyList<(string Key, string Name, string Body)> Defaults =
    [
        ("attendance", "Attendance concern", "{{date}}\n\nDear {{parent_name}},\n\nI am writing because {{student_first_name}}'s attendance this year is {{attendance_year}}, below the 95% we expect. Every day missed makes it harder to keep up.\n\nPlease contact me so that we can talk about how we can help {{student_first_name}} attend every day.\n\nYours sincerely,\n\n{{sender_name}}\nTutor, {{tutor_group}}\n{{institution}}"),
        ("uniform", "Uniform", "{{date}}\n\nDear {{parent_name}},\n\n{{student_first_name}} has not been wearing the correct uniform (or ID badge) this week. Please make sure {{student_first_name}} comes in correctly dressed from tomorrow.\n\nYours sincerely,\n\n{{sender_name}}\n{{institution}}"),
        ("equipment", "Equipment", "{{date}}\n\nDear {{parent_name}},\n\n{{student_first_name}} has come to lessons without the equipment they need several times recently. Please help {{student_first_name}} check their bag each evening.\n\nYours sincerely,\n\n{{sender_name}}\n{{institution}}"),
        ("positive", "Positive news", "{{date}}\n\nDear {{parent_name}},\n\nI wanted to let you know how well {{student_first_name}} has been doing. Their effort and attitude have been excellent, and it shows in their work. Please pass on our congratulations.\n\nYours sincerely,\n\n{{sender_name}}\nTutor, {{tutor_group}}\n{{institution}}"),
    ];

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The institution's templates (the defaults until an administrator saves their own).</summary>
    public async Task<IReadOnlyList<LetterTemplate>> TemplatesAsync(int institutionId, CancellationToken ct = default)
    {
        var stored = await db.LetterTemplates.AsNoTracking().Where(t => t.InstitutionId == institutionId).ToListAsync(ct);
        return [.. Defaults.Select(d => stored.FirstOrDefault(t => t.Key == d.Key)
                ?? new LetterTemplate { InstitutionId = institutionId, Key = d.Key, Name = d.Name, Body = d.Body, UpdatedBy = "default" })
            .Concat(stored.Where(t => Defaults.All(d => d.Key != t.Key)))];
    }

    /// <summary>The longest letter a template may hold (the column's size).</summary>
    public const int BodyLength = 8000;

    /// <summary>Saves a template (administrators), against the version the editor saw.</summary>
    public async Task SaveAsync(Viewer viewer, string key, string name, string body, int expectedVersion, CancellationToken ct = default)
    {
        viewer.Demand(Operation.EditLetters);
        if (Defaults.All(d => d.Key != key))
        {
            throw new NotFoundException("that letter"); // the standard letters are a fixed set
        }
        Check(body);
        var t = await db.LetterTemplates.FirstOrDefaultAsync(x => x.InstitutionId == viewer.InstitutionId && x.Key == key, ct);
        var first = t is null;
        if (t is null)
        {
            // The first save over a default is version 1, so an editor still showing the default (version 0) is stale.
            db.LetterTemplates.Add(t = new LetterTemplate { InstitutionId = viewer.InstitutionId, Key = key, Name = "", Body = "", UpdatedBy = "", Version = 1 });
        }
        else
        {
            db.Entry(t).Property(x => x.Version).OriginalValue = expectedVersion;
        }
        (t.Name, t.Body, t.UpdatedAt, t.UpdatedBy) = (Referrals.Text(name, "the letter's name", 100), body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), clock.GetUtcNow().UtcDateTime, actor.Name);
        try
        {
            await VersionedSave.SaveAsync(db, "This template", ct);
        }
        catch (DbUpdateException) when (first)
        {
            // Two first saves at the same moment: the other one's row is there now, and this one lost the race.
            db.ChangeTracker.Clear();
            var winner = await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.InstitutionId == viewer.InstitutionId && x.Key == key, ct);
            if (winner is null)
            {
                throw;
            }
            throw await VersionedSave.LostToAsync(db, "This template", winner.UpdatedBy, winner.UpdatedAt, ct);
        }
    }

    /// <summary>Refuses unknown placeholders, saying where (line:column) and what is allowed.</summary>
    public static void Check(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ValidationException("write the letter");
        }
        if (body.Length > BodyLength)
        {
            throw new ValidationException($"the letter is {body.Length:N0} characters long; expected at most {BodyLength:N0} (about three pages)");
        }
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in PlaceholderPattern().Matches(lines[i]))
            {
                if (!Placeholders.ContainsKey(m.Groups[1].Value))
                {
                    throw new ValidationException($"line {i + 1}, column {m.Index + 1}: unknown placeholder {m.Value}; expected one of {string.Join(", ", Placeholders.Keys.Select(k => "{{" + k + "}}"))}");
                }
            }
        }
    }

    public sealed record Rendered(string Key, string Name, string To, string Text);

    /// <summary>A letter for a student (pastoral viewers), to the contact chosen (by priority order, 0 the first); null if not visible.</summary>
    public async Task<Rendered?> RenderAsync(StudentScope scope, int studentId, string key, int contact, CancellationToken ct = default)
    {
        var s = await scope.Pastoral(db).AsNoTracking().Where(x => x.Id == studentId).Select(x => new
        {
            Name = (x.PreferredName ?? x.FirstName) + " " + x.LastName,
            First = x.PreferredName ?? x.FirstName,
            Group = x.TutorGroup == null ? null : x.TutorGroup.Code,
            Tutor = x.TutorGroup == null || x.TutorGroup.Tutor == null ? null : x.TutorGroup.Tutor.FirstName + " " + x.TutorGroup.Tutor.LastName,
            Year = x.YearGroup!.Name,
            Institution = db.Institutions.Where(i => i.Id == x.InstitutionId).Select(i => i.Name).First(),
            Attendance = db.StudentSummaries.Where(m => m.StudentId == x.Id).Select(m => new { m.YearPossible, YearAttended = m.YearPresent + m.YearApproved }).FirstOrDefault(),
            Contacts = x.Contacts.OrderBy(c => c.Priority).Select(c => c.Name).ToList(),
        }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }
        var template = (await TemplatesAsync(scope.Viewer.InstitutionId, ct)).FirstOrDefault(t => t.Key == key)
            ?? throw new ValidationException($"there is no letter '{key}'");
        var to = contact >= 0 && contact < s.Contacts.Count ? s.Contacts[contact] : "Parent or carer";
        var sender = await db.Staff.Where(x => x.Id == scope.Viewer.StaffId).Select(x => x.FirstName + " " + x.LastName).FirstAsync(ct);
        var attendance = s.Attendance is { YearPossible: > 0 } a ? string.Create(CultureInfo.InvariantCulture, $"{100m * a.YearAttended / a.YearPossible:0.0}%") : "not yet known";
        var values = new Dictionary<string, string>
        {
            ["student_name"] = s.Name,
            ["student_first_name"] = s.First,
            ["parent_name"] = to,
            ["tutor_name"] = s.Tutor ?? "your child's tutor",
            ["tutor_group"] = s.Group ?? "",
            ["year_group"] = s.Year,
            ["attendance_year"] = attendance,
            ["date"] = clock.Today().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            ["institution"] = s.Institution,
            ["sender_name"] = sender,
        };
        return new Rendered(template.Key, template.Name, to, PlaceholderPattern().Replace(template.Body, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value)));
    }

    /// <summary>Logs a letter as sent: a contact of kind letter, with the letter's text.</summary>
    public async Task<ParentContact?> LogSentAsync(StudentScope scope, int studentId, string key, int contact, CancellationToken ct = default)
    {
        if (await RenderAsync(scope, studentId, key, contact, ct) is not { } letter)
        {
            return null;
        }
        var text = $"Letter sent: {letter.Name}.\n\n{letter.Text}";
        return await contacts.LogAsync(scope, new ParentContacts.Log(studentId, ContactMethod.Letter, key == "positive", letter.To,
            clock.Today(), text.Length > Cases.TextLength ? text[..(Cases.TextLength - 1)] + "…" : text, null), ct);
    }
}
