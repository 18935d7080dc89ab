using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Imports the institution's calendar: academic years, their terms, and the days it is closed (holidays, INSET days,
/// closures). Each year in the file replaces whatever the institution held for those dates — the year, its terms and
/// its closed days — so a corrected file can be imported again. Every term and closed day lies inside a year of the
/// same file; terms do not overlap, nor do years.
/// </summary>
public sealed class ImportCalendar(CaseloadDbContext db, TimeProvider clock) : CsvImport<ImportCalendar.Row>(db, clock)
{
    public static readonly ImportSchema Columns = new("calendar", ["kind", "name", "start_date", "end_date"], []);

    /// <summary>The most rows a calendar file may have (ten years of terms and closures).</summary>
    public const int MaxRows = 1_000;

    private static readonly int KindCol = Columns.IndexOf("kind"), NameCol = Columns.IndexOf("name"),
        StartCol = Columns.IndexOf("start_date"), EndCol = Columns.IndexOf("end_date");

    public enum RowKind
    {
        Year,
        Term,
        Holiday,
        Inset,
        Closed,
    }

    public sealed record Row(RowKind Kind, string Name, DateOnly Start, DateOnly End, int Line);

    private DateOnly _today;
    private int _rows;

    public override ImportSchema Schema => Columns;

    protected override Type? MainEntity => typeof(AcademicYear);

    protected override Task PrepareAsync(int institutionId, CancellationToken ct)
    {
        _today = Today;
        _rows = 0;
        return Task.CompletedTask;
    }

    private static RowKind? KindOf(string text) => text.Trim().ToLowerInvariant().Replace('-', ' ') switch
    {
        "year" or "academic year" => RowKind.Year,
        "term" or "half term" => RowKind.Term,
        "holiday" or "half term holiday" or "half term break" or "bank holiday" => RowKind.Holiday,
        "inset" or "inset day" or "training day" or "staff training" => RowKind.Inset,
        "closed" or "closure" or "closure day" => RowKind.Closed,
        _ => null,
    };

    protected override Row? Parse(CsvImportReader r, ImportProblems p)
    {
        var before = p.Count;
        if (++_rows > MaxRows)
        {
            if (_rows == MaxRows + 1)
            {
                p.Add(r.Line, 1, $"the file has more than {MaxRows:N0} rows; expected a calendar of at most {MaxRows:N0} years, terms and closed days");
            }
            return null;
        }
        RowKind? kind = null;
        if (Fields.Required(r, KindCol, p, out var kindText) && (kind = KindOf(kindText)) is null)
        {
            p.Add(r.Line, r.ColumnNumber(KindCol), $"kind '{Fields.Shorten(kindText)}' is not known; expected year, term, holiday, inset or closed");
        }
        if (Fields.Required(r, NameCol, p, out var name))
        {
            Fields.MaxLength(r, NameCol, p, name, 64);
        }
        Fields.Date(r, StartCol, p, out var start);
        Fields.Date(r, EndCol, p, out var end);
        if (p.Count > before)
        {
            return null;
        }
        var longest = kind switch { RowKind.Year => 400, RowKind.Term => 200, _ => 100 };
        if (end < start)
        {
            p.Add(r.Line, r.ColumnNumber(EndCol), $"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}; expected the last day, on or after the first");
        }
        else if (end.DayNumber - start.DayNumber + 1 > longest)
        {
            p.Add(r.Line, r.ColumnNumber(EndCol), $"a {kind.ToString()!.ToLowerInvariant()} of {end.DayNumber - start.DayNumber + 1} days; expected at most {longest}");
        }
        else if (start.Year < 2000 || end > _today.AddYears(5))
        {
            p.Add(r.Line, r.ColumnNumber(StartCol), $"dates from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} are not plausible; expected dates from 2000 to five years from today");
        }
        return p.Count > before ? null : new Row(kind!.Value, name, start, end, r.Line);
    }

    protected override Task CheckAllAsync(int institutionId, List<Row> rows, ImportProblems p, CancellationToken ct)
    {
        var years = rows.Where(x => x.Kind == RowKind.Year).OrderBy(x => x.Start).ToList();
        for (var i = 1; i < years.Count; i++)
        {
            if (years[i].Start <= years[i - 1].End)
            {
                p.Add(years[i].Line, StartColumn, $"year '{years[i].Name}' overlaps year '{years[i - 1].Name}' (line {years[i - 1].Line}); expected each day in one year at most");
            }
        }
        foreach (var row in years.GroupBy(y => y.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            p.Add(row.Line, NameColumn, $"year '{row.Name}' appears twice; expected one row per year");
        }
        foreach (var row in rows.Where(x => x.Kind != RowKind.Year))
        {
            var year = years.FirstOrDefault(y => y.Start <= row.Start && row.Start <= y.End);
            if (year is null || row.End > year.End)
            {
                var kind = row.Kind == RowKind.Term ? "term" : "closed day";
                p.Add(row.Line, StartColumn, year is null
                    ? $"{kind} '{row.Name}' ({row.Start:yyyy-MM-dd} to {row.End:yyyy-MM-dd}) is outside every year in this file; expected it inside a year row of the same file"
                    : $"{kind} '{row.Name}' ends on {row.End:yyyy-MM-dd}, after its year '{year.Name}' ends ({year.End:yyyy-MM-dd}); expected it inside the year");
            }
        }
        var terms = rows.Where(x => x.Kind == RowKind.Term).OrderBy(x => x.Start).ToList();
        for (var i = 1; i < terms.Count; i++)
        {
            if (terms[i].Start <= terms[i - 1].End)
            {
                p.Add(terms[i].Line, StartColumn, $"term '{terms[i].Name}' overlaps term '{terms[i - 1].Name}' (line {terms[i - 1].Line}); expected terms one after another");
            }
        }
        if (years.Count == 0 && rows.Count > 0)
        {
            p.Add(rows[0].Line, KindColumn, "the file has no year rows; expected each academic year with its terms and closed days");
        }
        return Task.CompletedTask;
    }

    // Positions in the documented column order, for problems found between rows (the file's own order is not kept per row).
    private const int KindColumn = 1, NameColumn = 2, StartColumn = 3;

    protected override async Task<ImportCounts> ApplyAsync(int institutionId, List<Row> rows, string actor, DateTime now, CancellationToken ct)
    {
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var y in rows.Where(x => x.Kind == RowKind.Year))
        {
            // Whatever the institution held for these dates gives way to the file's year.
            var held = await Db.AcademicYears.Include(a => a.Terms)
                .Where(a => a.InstitutionId == institutionId && a.StartDate <= y.End && a.EndDate >= y.Start).ToListAsync(ct);
            var closures = await Db.Closures.Where(c => c.InstitutionId == institutionId && c.StartDate <= y.End && c.EndDate >= y.Start).ToListAsync(ct);
            var terms = rows.Where(t => t.Kind == RowKind.Term && t.Start >= y.Start && t.Start <= y.End).OrderBy(t => t.Start).ToList();
            var closed = rows.Where(t => t.Kind is RowKind.Holiday or RowKind.Inset or RowKind.Closed && t.Start >= y.Start && t.Start <= y.End).OrderBy(t => t.Start).ToList();
            var same = held.Count == 1 && held[0].Name == y.Name && held[0].StartDate == y.Start && held[0].EndDate == y.End
                && held[0].Terms.OrderBy(t => t.StartDate).Select(t => (t.Name, t.StartDate, t.EndDate)).SequenceEqual(terms.Select(t => (t.Name, t.Start, t.End)))
                && closures.OrderBy(c => c.StartDate).Select(c => (c.Kind, c.Name, c.StartDate, c.EndDate)).SequenceEqual(closed.Select(c => (KindOf(c.Kind), c.Name, c.Start, c.End)));
            if (same)
            {
                unchanged++;
                continue;
            }
            Db.Terms.RemoveRange(held.SelectMany(a => a.Terms));
            Db.AcademicYears.RemoveRange(held);
            Db.Closures.RemoveRange(closures);
            Db.AcademicYears.Add(new AcademicYear
            {
                InstitutionId = institutionId,
                Name = y.Name,
                StartDate = y.Start,
                EndDate = y.End,
                Terms = [.. terms.Select(t => new Term { Name = t.Name, StartDate = t.Start, EndDate = t.End })],
            });
            Db.Closures.AddRange(closed.Select(c => new Closure { InstitutionId = institutionId, Kind = KindOf(c.Kind), Name = c.Name, StartDate = c.Start, EndDate = c.End }));
            if (held.Count == 0)
            {
                inserted++;
            }
            else
            {
                updated++;
            }
        }
        await Db.SaveChangesAsync(ct);
        return new ImportCounts(inserted, updated, unchanged);
    }

    private static ClosureKind KindOf(RowKind kind) => kind switch
    {
        RowKind.Holiday => ClosureKind.Holiday,
        RowKind.Inset => ClosureKind.Inset,
        _ => ClosureKind.Closed,
    };

    /// <summary>Every student's summary depends on the year's dates.</summary>
    protected override Task<IReadOnlyCollection<int>?> StudentsToRefreshAsync(List<Row> rows, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<int>?>(null);
}
