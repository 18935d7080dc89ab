using Caseload.Core.Data;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Imports;
using Caseload.Core.Rules;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Risk;

/// <summary>
/// What <c>caseload risk evaluate</c> and <c>risk fit</c> learn from: an outcomes file (<c>student_id, outcome</c>; outcome
/// <c>withdrawn</c>, <c>failed</c> or <c>completed</c> — withdrawn and failed are the outcomes the score should see coming)
/// and every listed student's early-warning inputs as they stood on the as-of day, leavers included, nothing recorded
/// after it read (<see cref="StudentSummaries.ComputeAsync"/>). A file with any bad row is refused whole, every problem at
/// file:line:column.
/// </summary>
public sealed class RiskHistory(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly ImportSchema Columns = new("outcomes", ["student_id", "outcome"], []);
    private static readonly string[] Kinds = ["withdrawn", "failed", "completed"];

    /// <summary>The most students one outcomes file may list.</summary>
    public const int MaxStudents = 100_000;

    public sealed record Outcomes(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<(int StudentId, bool Bad)> Students);

    public async Task<Outcomes> ReadAsync(int institutionId, string fileName, Stream content, CancellationToken ct)
    {
        var problems = new ImportProblems(fileName);
        var students = await Lookups.StudentsAsync(db, institutionId, ct);
        var outcomes = new Dictionary<int, (bool Bad, int Line)>();
        using (var reader = CsvImportReader.Open(content, Columns, problems))
        {
            while (reader is not null && reader.Read())
            {
                if (outcomes.Count >= MaxStudents)
                {
                    problems.Add(reader.Line, 1, $"more than {MaxStudents:N0} students; expected at most {MaxStudents:N0} in one file");
                    break;
                }
                var student = Lookups.Student(reader, 0, problems, students);
                if (Fields.Required(reader, 1, problems, out var outcome) && !Kinds.Contains(outcome.ToLowerInvariant()))
                {
                    problems.Add(reader.Line, reader.ColumnNumber(1), $"outcome '{Fields.Shorten(outcome)}' is not known; expected withdrawn, failed or completed");
                }
                else if (student is { } id && !outcomes.TryAdd(id, (outcome.ToLowerInvariant() != "completed", reader.Line)))
                {
                    problems.Add(reader.Line, reader.ColumnNumber(0), $"this student appears again (first on line {outcomes[id].Line}); expected one outcome per student");
                }
            }
        }
        return problems.Any
            ? new Outcomes(problems.Kept, [])
            : new Outcomes([], [.. outcomes.OrderBy(o => o.Value.Line).Select(o => (o.Key, o.Value.Bad))]);
    }

    /// <summary>The as-of day: today when not given; a day after today is refused.</summary>
    public DateOnly AsOf(DateOnly? asOf)
    {
        var today = clock.Today();
        if (asOf is { } day && day > today)
        {
            throw new ValidationException($"--as-of {day:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); expected a day on or before today");
        }
        return asOf ?? today;
    }

    /// <summary>Each student's inputs as they stood at the end of <paramref name="asOf"/>.</summary>
    public async Task<Dictionary<int, RiskInputs>> InputsAsync(int institutionId, IReadOnlyCollection<int> studentIds, DateOnly asOf, CancellationToken ct)
    {
        var inputs = new Dictionary<int, RiskInputs>();
        await StudentSummaries.ComputeAsync(db, institutionId, studentIds, asOf, clock.GetUtcNow().UtcDateTime, ct, lookBack: inputs);
        return inputs;
    }
}
