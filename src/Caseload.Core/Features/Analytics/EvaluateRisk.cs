using Caseload.Core.Data;
using Caseload.Core.Features.Imports;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Analytics;

/// <summary>
/// Checks the current risk scores against real outcomes (<c>student_id, outcome</c>; outcome <c>withdrawn</c>,
/// <c>failed</c> or <c>completed</c>): withdrawn and failed are the outcomes the score should have seen coming.
/// A file with any bad row is refused whole, every problem at file:line:column.
/// </summary>
public sealed class EvaluateRisk(CaseloadDbContext db, TimeProvider clock)
{
    public static readonly ImportSchema Columns = new("outcomes", ["student_id", "outcome"], []);
    private static readonly string[] Outcomes = ["withdrawn", "failed", "completed"];

    public sealed record Result(IReadOnlyList<ImportProblem> Problems, RiskEvaluation.Result? Evaluation);

    public async Task<Result> HandleAsync(int institutionId, string fileName, Stream content, CancellationToken ct = default)
    {
        var problems = new ImportProblems(fileName);
        var students = await Lookups.StudentsAsync(db, institutionId, ct);
        var outcomes = new Dictionary<int, (bool Bad, int Line)>();
        using (var reader = CsvImportReader.Open(content, Columns, problems))
        {
            while (reader is not null && reader.Read())
            {
                var student = Lookups.Student(reader, 0, problems, students);
                if (Fields.Required(reader, 1, problems, out var outcome) && !Outcomes.Contains(outcome.ToLowerInvariant()))
                {
                    problems.Add(reader.Line, reader.ColumnNumber(1), $"outcome '{Fields.Shorten(outcome)}' is not known; expected withdrawn, failed or completed");
                }
                else if (student is { } id && !outcomes.TryAdd(id, (outcome.ToLowerInvariant() != "completed", reader.Line)))
                {
                    problems.Add(reader.Line, reader.ColumnNumber(0), $"this student appears again (first on line {outcomes[id].Line}); expected one outcome per student");
                }
            }
        }
        if (problems.Any)
        {
            return new Result(problems.Kept, null);
        }
        var ids = outcomes.Keys.ToList();
        await StudentSummaries.EnsureCurrentAsync(db, institutionId, ids, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
        var scores = new Dictionary<int, int>();
        foreach (var chunk in ids.Chunk(10_000))
        {
            foreach (var s in await db.StudentSummaries.AsNoTracking().Where(s => chunk.Contains(s.StudentId)).Select(s => new { s.StudentId, s.RiskScore }).ToListAsync(ct))
            {
                scores[s.StudentId] = s.RiskScore;
            }
        }
        // Students no longer on roll have no current summary and are left out: the result's student count is of those scored.
        var cases = outcomes.OrderBy(o => o.Value.Line).Where(o => scores.ContainsKey(o.Key)).Select(o => (scores[o.Key], o.Value.Bad)).ToList();
        return new Result([], RiskEvaluation.Evaluate(cases));
    }
}
