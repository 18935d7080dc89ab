using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports values of the institution's own early-warning indicators (<c>student_id, indicator, value, date</c>): units
/// passed last term, fees overdue, reading age. Each indicator must first be defined with its anchors
/// (<c>caseload risk indicator add</c>). One value per student, indicator and day: re-importing the same file changes
/// nothing, a new value for the same day replaces the old. A value's day may not be after today.
/// </summary>
public sealed class ImportIndicators(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportIndicators.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("indicators", ["student_id", "indicator", "value", "date"], []);

    /// <summary>The largest value (either sign) an indicator may hold.</summary>
    public const decimal MaxValue = 99_999_999m;

    private Dictionary<string, int> _students = [];
    private Dictionary<string, int> _indicators = [];
    private readonly Dictionary<(int, int, DateOnly), int> _seen = [];

    public sealed record Row(int StudentId, int IndicatorId, DateOnly Date, decimal Value);

    public override ImportSchema Schema => Columns;

    protected override async Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _seen.Clear();
        _students = await Lookups.StudentsAsync(Db, institutionId, ct);
        _indicators = await Db.RiskIndicators.AsNoTracking().Where(i => i.InstitutionId == institutionId)
            .ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        var student = Lookups.Student(r, 0, p, _students);
        var indicator = 0;
        if (Fields.Required(r, 1, p, out var code) && !_indicators.TryGetValue(code, out indicator))
        {
            p.Add(r.Line, r.ColumnNumber(1), _indicators.Count == 0
                ? $"indicator '{Fields.Shorten(code)}' is not defined; no indicators are: define one first with 'caseload risk indicator add'"
                : $"indicator '{Fields.Shorten(code)}' is not defined; expected one of {string.Join(", ", _indicators.Keys.Order())} (or define it with 'caseload risk indicator add')");
        }
        decimal? value = null;
        if (Fields.Required(r, 2, p, out _))
        {
            Fields.OptionalDecimal(r, 2, p, -MaxValue, MaxValue, out value);
        }
        if (Fields.Date(r, 3, p, out var date) && date > Today)
        {
            p.Add(r.Line, r.ColumnNumber(3), $"date {date:yyyy-MM-dd} is after today ({Today:yyyy-MM-dd}); expected the day the value was true, today or before");
        }
        if (p.Count > before || value is null)
        {
            return null;
        }
        if (!_seen.TryAdd((student!.Value, indicator, date), r.Line))
        {
            p.Add(r.Line, r.ColumnNumber(0), $"this student's {code} for {date:yyyy-MM-dd} appears again (first on line {_seen[(student.Value, indicator, date)]}); expected one value per student, indicator and day");
            return null;
        }
        return new Row(student.Value, indicator, date, value.Value);
    }

    protected override Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>(rows.Select(r => r.StudentId).ToHashSet());

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        var existing = new Dictionary<(int, int, DateOnly), IndicatorValue>();
        foreach (var chunk in rows.Select(r => r.StudentId).Distinct().Chunk(5_000))
        {
            foreach (var v in await Db.IndicatorValues.Where(v => chunk.Contains(v.StudentId)).ToListAsync(ct))
            {
                existing[(v.StudentId, v.RiskIndicatorId, v.Date)] = v;
            }
        }
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue((row.StudentId, row.IndicatorId, row.Date), out var v))
            {
                v = Db.IndicatorValues.Add(new IndicatorValue { InstitutionId = institutionId, StudentId = row.StudentId, RiskIndicatorId = row.IndicatorId, Date = row.Date, ImportedAt = now }).Entity;
            }
            v.Value = row.Value;
            Structure.Tally(Db, v, ref inserted, ref updated, ref unchanged);
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }
}
