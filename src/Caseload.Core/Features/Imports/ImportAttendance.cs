using System.Text.RegularExpressions;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Imports;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports register marks by <c>student_id + date + session</c> through the provider's bulk path. This is the big
/// table (millions of rows), so rows are validated into compact structs with cached lookups.
/// </summary>
public sealed partial class ImportAttendance(CaseloadDbContext db, TimeProvider clock, IAttendanceStore store)
    : CsvImport<List<MarkRow>>(db, clock)
{
    public static readonly ImportSchema Columns = new("attendance", ["student_id", "date", "session", "code"], ["minutes_late"]);

    private static readonly int StudentCol = Columns.IndexOf("student_id"), DateCol = Columns.IndexOf("date"),
        SessionCol = Columns.IndexOf("session"), CodeCol = Columns.IndexOf("code"), LateCol = Columns.IndexOf("minutes_late");

    private Dictionary<string, int> _students = [];
    private Dictionary<string, string> _codes = [];
    private readonly Dictionary<string, DateOnly> _dates = new(StringComparer.Ordinal);
    // Why a date cannot hold marks (after today, outside every academic year, a closed day), by the date's text.
    private readonly Dictionary<string, string> _refusedDates = new(StringComparer.Ordinal);
    private List<(DateOnly Start, DateOnly End)> _years = [];
    private List<(DateOnly Start, DateOnly End, string Name)> _closed = [];
    private DateOnly _today;
    private readonly Dictionary<string, string> _sessions = new(StringComparer.OrdinalIgnoreCase);
    // Key -> first line, with the key packed into 64 bits (student | day | session number): a million tuple keys
    // with strings cost several times more to hash.
    private Dictionary<long, int> _seen = [];
    private readonly Dictionary<string, int> _sessionNumbers = new(StringComparer.Ordinal);
    private List<MarkRow> _rows = [];
    private IReadOnlyList<WeekDelta> _deltas = [];

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        // Per-run state: a use case object may run more than one file.
        (_seen, _rows, _deltas) = ([], [], []);
        _dates.Clear();
        _refusedDates.Clear();
        _today = Today;
        _years = [.. (await Db.AcademicYears.AsNoTracking().Where(y => y.InstitutionId == institutionId).Select(y => new { y.StartDate, y.EndDate }).ToListAsync(ct))
            .Select(y => (y.StartDate, y.EndDate))];
        _closed = [.. (await Db.Closures.AsNoTracking().Where(c => c.InstitutionId == institutionId).Select(c => new { c.StartDate, c.EndDate, c.Name }).ToListAsync(ct))
            .Select(c => (c.StartDate, c.EndDate, c.Name))];
        _sessions.Clear();
        _sessionNumbers.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        _codes = await Db.AttendanceCodes.AsNoTracking().Where(c => c.InstitutionId == institutionId)
            .ToDictionaryAsync(c => c.Code, c => c.Code, StringComparer.OrdinalIgnoreCase, ct);
    }

    // A register line is about 25 bytes ("S012345,2026-09-07,P3,/,").
    protected override void Expect(long bytes)
    {
        var rows = (int)Math.Min(bytes / 22, 50_000_000);
        _seen = new Dictionary<long, int>(rows);
        _rows = new List<MarkRow>(rows);
    }

    // Rows accumulate in one shared list: the base class sees a single "row" so memory stays at one struct per mark.
    protected override Type? MainEntity => typeof(Domain.AttendanceMark);

    // The summaries move by what the marks changed in each week (no recompute of grades, behaviour or casework).
    protected override Task RefreshSummariesAsync(int institutionId, List<List<MarkRow>> rows, DateTime now, IDictionary<string, double>? timings, CancellationToken ct) =>
        Analytics.StudentSummaries.ApplyAttendanceAsync(Db, institutionId, _deltas, Today, now, ct, timings);

    protected override List<MarkRow>? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, StudentCol, p, _students);
        var dateText = r[DateCol];
        if (_refusedDates.TryGetValue(dateText, out var refused))
        {
            p.Add(r.Line, r.ColumnNumber(DateCol), refused);
        }
        else if (!_dates.ContainsKey(dateText) && Fields.Date(r, DateCol, p, out var parsed))
        {
            if (Refusal(parsed) is { } why)
            {
                p.Add(r.Line, r.ColumnNumber(DateCol), _refusedDates[dateText] = why);
            }
            else
            {
                _dates[dateText] = parsed;
            }
        }
        var sessionText = r[SessionCol];
        if (!_sessions.TryGetValue(sessionText, out var session) && Fields.Required(r, SessionCol, p, out _))
        {
            if (SessionPattern().IsMatch(sessionText))
            {
                session = _sessions[sessionText] = sessionText.ToUpperInvariant();
            }
            else
            {
                p.Add(r.Line, r.ColumnNumber(SessionCol), $"session '{Fields.Shorten(sessionText)}' is not a session; expected AM, PM or a lesson id such as P3 (letters, digits, '-', '_' or '.', up to 16)");
            }
        }
        string? code = null;
        if (Fields.Required(r, CodeCol, p, out var codeText) && !_codes.TryGetValue(codeText, out code))
        {
            p.Add(r.Line, r.ColumnNumber(CodeCol), $"code '{Fields.Shorten(codeText)}' is not in this institution's code table; expected one of {string.Join(" ", _codes.Values.Order(StringComparer.Ordinal))}");
        }
        Fields.OptionalInteger(r, LateCol, p, 0, 600, out var late);
        if (p.Count > before)
        {
            return null;
        }
        if (!_sessionNumbers.TryGetValue(session!, out var sessionNumber))
        {
            _sessionNumbers[session!] = sessionNumber = _sessionNumbers.Count;
        }
        if (sessionNumber >= 4096)
        {
            p.Add(r.Line, r.ColumnNumber(SessionCol), "this file has more than 4,096 different session ids; expected AM, PM or a few lesson ids such as P1 to P10");
            return null;
        }
        var date = _dates[dateText];
        var key = ((long)student!.Value << 32) | ((long)(date.DayNumber & 0xFFFFF) << 12) | (uint)(sessionNumber & 0xFFF);
        if (!_seen.TryAdd(key, r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(SessionCol), $"a mark for this student on {date:yyyy-MM-dd} {session} appears again (first on line {_seen[key]}); expected one mark per student, date and session");
            return null;
        }
        _rows.Add(new MarkRow(student.Value, date, session!, code!, (short?)late));
        return _rows.Count == 1 ? _rows : null;
    }

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<List<MarkRow>> rows, string actor, DateTime now, CancellationToken ct)
    {
        _rows.Sort(MarkRow.KeyOrder);
        var result = await store.MergeAsync(Db, institutionId, _rows, actor, now, ct);
        _deltas = result.Deltas;
        return new ImportCounts(result.Inserted, result.Updated, result.Unchanged);
    }

    /// <summary>Why a day cannot hold register marks, or null when it can.</summary>
    private string? Refusal(DateOnly date)
    {
        if (date > _today)
        {
            return $"date {date:yyyy-MM-dd} is after today ({_today:yyyy-MM-dd}); expected marks for days that have happened";
        }
        if (!_years.Any(y => y.Start <= date && date <= y.End))
        {
            return $"date {date:yyyy-MM-dd} is outside every academic year of the institution's calendar ({string.Join(", ", _years.OrderBy(y => y.Start).Select(y => $"{y.Start:yyyy-MM-dd} to {y.End:yyyy-MM-dd}"))}); import the calendar for that year first (caseload calendar import)";
        }
        foreach (var c in _closed)
        {
            if (c.Start <= date && date <= c.End)
            {
                return $"date {date:yyyy-MM-dd} is a day the institution is closed ({c.Name}, {c.Start:yyyy-MM-dd} to {c.End:yyyy-MM-dd}); expected a school day, or correct the calendar";
            }
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$")]
    private static partial Regex SessionPattern();
}
