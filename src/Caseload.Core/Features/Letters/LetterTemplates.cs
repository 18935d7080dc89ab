using System.Text.RegularExpressions;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Letters;

/// <summary>
/// Standard letters home: the fixed set an institution starts with (attendance concern, uniform, equipment, positive
/// news), which an administrator may reword. Placeholders are <c>{{name}}</c> from <see cref="Placeholders"/>; a
/// template using any other is refused with where.
/// </summary>
public static partial class LetterTemplates
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
        ("attendance", "Attendance concern", "{{date}}\n\nDear {{parent_name}},\n\nI am writing about {{student_first_name}}'s attendance: it is {{attendance_year}} this year, and we expect every student to attend at least 95% of the time. Every day missed makes it harder to keep up.\n\nPlease contact me so that we can talk about how we can help {{student_first_name}} attend every day.\n\nYours sincerely,\n\n{{sender_name}}\nTutor, {{tutor_group}}\n{{institution}}"),
        ("uniform", "Uniform", "{{date}}\n\nDear {{parent_name}},\n\n{{student_first_name}} has not been wearing the correct uniform (or ID badge) this week. Please make sure {{student_first_name}} comes in correctly dressed from tomorrow.\n\nYours sincerely,\n\n{{sender_name}}\n{{institution}}"),
        ("equipment", "Equipment", "{{date}}\n\nDear {{parent_name}},\n\n{{student_first_name}} has come to lessons without the equipment they need several times recently. Please help {{student_first_name}} check their bag each evening.\n\nYours sincerely,\n\n{{sender_name}}\n{{institution}}"),
        ("positive", "Positive news", "{{date}}\n\nDear {{parent_name}},\n\nI wanted to let you know how well {{student_first_name}} has been doing. Their effort and attitude have been excellent, and it shows in their work. Please pass on our congratulations.\n\nYours sincerely,\n\n{{sender_name}}\nTutor, {{tutor_group}}\n{{institution}}"),
    ];

    /// <summary>The longest letter a template may hold (the column's size).</summary>
    public const int BodyLength = LetterTemplate.BodyLength;

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    internal static partial Regex PlaceholderPattern();

    /// <summary>The institution's templates (the defaults until an administrator saves their own).</summary>
    public static async Task<IReadOnlyList<LetterTemplate>> ForAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default)
    {
        var stored = await db.LetterTemplates.AsNoTracking().Where(t => t.InstitutionId == institutionId).ToListAsync(ct);
        return [.. Defaults.Select(d => stored.FirstOrDefault(t => t.Key == d.Key)
                ?? new LetterTemplate { InstitutionId = institutionId, Key = d.Key, Name = d.Name, Body = d.Body, UpdatedBy = "default" })
            .Concat(stored.Where(t => Defaults.All(d => d.Key != t.Key)))];
    }

    /// <summary>Refuses an empty or overlong letter and unknown placeholders, saying where (line:column) and what is allowed.</summary>
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
}
