using System.Security.Cryptography;
using System.Text;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports behaviour events. MIS exports often carry no event id, so the natural key is the optional
/// <c>event_id</c> column when present, otherwise a fingerprint of the row's content and its occurrence number
/// (two identical rows are two events): re-importing the same file changes nothing.
/// </summary>
public sealed class ImportBehaviour(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportBehaviour.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("behaviour",
        ["student_id", "date", "type", "category", "points"], ["description", "staff_id", "event_id"]);

    private static readonly int StudentCol = Columns.IndexOf("student_id"), DateCol = Columns.IndexOf("date"),
        TypeCol = Columns.IndexOf("type"), CategoryCol = Columns.IndexOf("category"), PointsCol = Columns.IndexOf("points"),
        DescriptionCol = Columns.IndexOf("description"), StaffCol = Columns.IndexOf("staff_id"), EventCol = Columns.IndexOf("event_id");

    private Dictionary<string, int> _students = [];
    private Dictionary<string, int> _staff = [];
    private readonly Dictionary<string, int> _occurrences = [];
    private readonly Dictionary<(int, string), int> _seenEvents = [];

    public sealed record Row(int StudentId, string Key, DateOnly Date, BehaviourType Type, string Category, int Points, string? Description, int? StaffId);

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _occurrences.Clear();
        _seenEvents.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        _staff = await Lookups.StaffAsync(Db, institutionId, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        Fields.Date(r, DateCol, p, out var date);
        BehaviourType type = default;
        if (Fields.Required(r, TypeCol, p, out var typeValue) && !TryType(typeValue, out type))
        {
            p.Add(r.Line, r.ColumnNumber(TypeCol), $"type '{Fields.Shorten(typeValue)}' is not a behaviour type; expected positive or negative");
        }
        if (Fields.Required(r, CategoryCol, p, out var category))
        {
            Fields.MaxLength(r, CategoryCol, p, category, 100);
        }
        Fields.Integer(r, PointsCol, p, -1000, 1000, out var points);
        var description = r[DescriptionCol];
        Fields.MaxLength(r, DescriptionCol, p, description, 2000);
        int? staff = null;
        var staffValue = r[StaffCol];
        if (staffValue.Length > 0)
        {
            if (_staff.TryGetValue(staffValue, out var sid))
            {
                staff = sid;
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(StaffCol), $"staff_id '{Fields.Shorten(staffValue)}' is not a member of staff; expected a staff_id from the staff import");
            }
        }
        var eventId = r[EventCol];
        Fields.MaxLength(r, EventCol, p, eventId, 64);
        if (p.Count > before)
        {
            return null;
        }
        string key;
        if (eventId.Length > 0)
        {
            key = eventId;
            if (!_seenEvents.TryAdd((student!.Value, key), r.Line))
            {
                p.Add(r.Line, r.ColumnNumber(EventCol), $"event_id '{Fields.Shorten(key)}' appears again for this student (first on line {_seenEvents[(student.Value, key)]}); expected one row per event");
                return null;
            }
        }
        else
        {
            var content = string.Join('\u001f', r[StudentCol].ToUpperInvariant(), date.ToString("yyyy-MM-dd"), type, category, points, description, staffValue.ToUpperInvariant());
            var n = _occurrences[content] = _occurrences.GetValueOrDefault(content) + 1;
            key = "fp:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content + '\u001f' + n)))[..40];
        }
        return new Row(student!.Value, key, date, type, category, points, description.Length == 0 ? null : description, staff);
    }

    private static bool TryType(string value, out BehaviourType type)
    {
        switch (value.ToLowerInvariant())
        {
            case "positive" or "reward" or "achievement":
                type = BehaviourType.Positive;
                return true;
            case "negative" or "incident" or "sanction" or "behaviour":
                type = BehaviourType.Negative;
                return true;
            default:
                type = default;
                return false;
        }
    }

    protected override Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>(rows.Select(r => r.StudentId).ToHashSet());

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var studentIds = rows.Select(x => x.StudentId).Distinct().ToList();
        var existing = new Dictionary<(int, string), BehaviourEvent>();
        foreach (var chunk in studentIds.Chunk(5_000))
        {
            foreach (var e in await Db.BehaviourEvents.Where(e => chunk.Contains(e.StudentId)).ToListAsync(ct))
            {
                existing[(e.StudentId, e.ExternalKey)] = e;
            }
        }
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue((row.StudentId, row.Key), out var e))
            {
                e = Db.BehaviourEvents.Add(new BehaviourEvent { StudentId = row.StudentId, ExternalKey = row.Key, Category = row.Category, RecordedBy = actor, RecordedAt = now }).Entity;
            }
            e.Date = row.Date;
            e.Type = row.Type;
            e.Category = row.Category;
            e.Points = row.Points;
            e.Description = row.Description;
            e.StaffId = row.StaffId;
            Structure.Tally(Db, e, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}
