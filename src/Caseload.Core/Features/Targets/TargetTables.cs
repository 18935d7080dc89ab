using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Imports;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Targets;

/// <summary>
/// An institution's target table (prior attainment band × grade scale → minimum expected grade): import one as CSV
/// (columns <c>grade_scale, from, to, grade</c>), refused whole with every problem at file:line:column when it has
/// gaps, overlaps or grades off the scale; and apply it to every enrolment, keeping the history of each change.
/// </summary>
public sealed class TargetTables(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly ImportSchema Columns = new("targets", ["grade_scale", "from", "to", "grade"], []);

    public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, int Bands, IReadOnlyList<string> Scales);

    /// <summary>Replaces the bands of every scale named in the file (other scales keep theirs).</summary>
    public async Task<ImportResult> ImportAsync(int institutionId, string fileName, Stream content, CancellationToken ct = default)
    {
        var problems = new ImportProblems(fileName);
        var scales = (await db.GradeScales.AsNoTracking().Include(s => s.Grades).Where(s => s.InstitutionId == institutionId).ToListAsync(ct))
            .ToDictionary(s => s.Code, s => (IReadOnlyList<string>)[.. s.Grades.OrderByDescending(g => g.Rank).Select(g => g.Code)], StringComparer.OrdinalIgnoreCase);
        var rows = new List<TargetTableRow>();
        int fromCol = Columns.IndexOf("from"), toCol = Columns.IndexOf("to");
        using (var reader = CsvImportReader.Open(content, Columns, problems))
        {
            while (reader is not null && reader.Read())
            {
                var before = problems.Count;
                Fields.Required(reader, 0, problems, out var scale);
                var from = Number(reader, fromCol, problems);
                var to = Number(reader, toCol, problems);
                Fields.Required(reader, 3, problems, out var grade);
                if (problems.Count == before)
                {
                    rows.Add(new TargetTableRow(reader.Line, scale, from, to, grade));
                }
            }
        }
        if (!problems.Any)
        {
            foreach (var (line, message) in TargetTable.Check(rows, scales))
            {
                problems.Add(line, fromCol + 1, message);
            }
        }
        if (problems.Any)
        {
            return new ImportResult(problems.Kept, 0, []);
        }
        var named = rows.Select(r => scales.Keys.First(k => string.Equals(k, r.Scale, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.TargetBands.Where(b => b.InstitutionId == institutionId && named.Contains(b.Scale)).ExecuteDeleteAsync(ct);
        db.TargetBands.AddRange(rows.Select(r => new TargetBand
        {
            InstitutionId = institutionId,
            Scale = named.First(k => string.Equals(k, r.Scale, StringComparison.OrdinalIgnoreCase)),
            From = r.From,
            To = r.To,
            Grade = scales[r.Scale].First(g => string.Equals(g, r.Grade, StringComparison.OrdinalIgnoreCase)),
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return new ImportResult([], rows.Count, named);
    }

    private static decimal Number(CsvImportReader r, int column, ImportProblems p)
    {
        if (!Fields.Required(r, column, p, out var text))
        {
            return 0;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > TargetTable.Highest)
        {
            p.Add(r.Line, r.ColumnNumber(column), $"'{Fields.Shorten(text)}' is not an average GCSE score; expected a number from 0 to 9, such as 5.25");
        }
        return value;
    }

    public sealed record ApplyResult(int Changed, int Unchanged, int NoPriorAttainment, int NoBands);

    /// <summary>
    /// Sets every enrolment's minimum expected grade from the table and its student's prior attainment. Enrolments
    /// whose student has no prior attainment, or whose scale has no bands, keep the target they have (imported ones).
    /// Each change is kept in the target history.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(int institutionId, string actor, CancellationToken ct = default)
    {
        var bands = (await db.TargetBands.AsNoTracking().Where(b => b.InstitutionId == institutionId).ToListAsync(ct))
            .Select(b => (b.Scale, b.From, b.To, b.Grade)).ToList();
        var scalesWithBands = bands.Select(b => b.Scale).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var enrolments = await db.Enrolments
            .Where(e => e.Student!.InstitutionId == institutionId && e.Student.OnRoll)
            .Select(e => new { Enrolment = e, e.Student!.PriorAttainment, Scale = e.Course!.GradeScale!.Code })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int changed = 0, unchanged = 0, noPrior = 0, noBands = 0;
        var students = new HashSet<int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var x in enrolments)
        {
            if (!scalesWithBands.Contains(x.Scale))
            {
                noBands++;
                continue;
            }
            if (x.PriorAttainment is null)
            {
                noPrior++;
                continue;
            }
            var grade = TargetTable.Lookup(bands, x.Scale, x.PriorAttainment);
            if (grade is null || grade == x.Enrolment.TargetGrade)
            {
                unchanged++;
                continue;
            }
            db.TargetChanges.Add(new TargetChange
            {
                EnrolmentId = x.Enrolment.Id,
                Kind = TargetKind.Minimum,
                Previous = x.Enrolment.TargetGrade,
                New = grade,
                ChangedAt = now,
                ChangedBy = actor,
                Reason = string.Create(CultureInfo.InvariantCulture, $"target table, prior attainment {x.PriorAttainment:0.##}"),
            });
            x.Enrolment.TargetGrade = grade;
            students.Add(x.Enrolment.StudentId);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await StudentSummaries.RecomputeAsync(db, institutionId, students, clock.Today(), now, ct);
        await tx.CommitAsync(ct);
        await DataVersion.RaiseAsync(db, ct);
        return new ApplyResult(changed, unchanged, noPrior, noBands);
    }
}
